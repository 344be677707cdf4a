package io.mailflowkb.plugins.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailflowkb.model.InvalidInputException;
import io.mailflowkb.model.spi.CollectingSink;
import io.mailflowkb.model.spi.EvidenceFile;
import io.mailflowkb.model.spi.InputKind;
import io.mailflowkb.model.spi.Request;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one owner of "the files the walk handed over, else the path the request names", on real files. */
class RequestedFilesTest {

    @TempDir
    Path dir;

    private static Request request(Path path, String name, List<EvidenceFile> files) {
        return new Request(InputKind.LOGS, path, null, name, null, null, null, null, files);
    }

    private static WalkedFile text(String name, String content) {
        return WalkedFile.of(name, content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void eachFileReadsHandedFilesAndSkipsOnlyTheOneThatCannotBeRead() throws IOException {
        CollectingSink sink = new CollectingSink("t");
        List<String> read = new ArrayList<>();
        RequestedFiles.eachFile(request(dir, "evidence", List.of(text("a.json", "{}"), text("bad.json", "x"),
                text("c.json", "[]"))), sink, "a folder", f -> {
                    if (f.name().equals("bad.json")) {
                        throw new InvalidInputException(f.name(), 3, "not JSON");
                    }
                    read.add(f.name());
                });
        assertThat(read).containsExactly("a.json", "c.json");
        assertThat(sink.inputs()).singleElement().satisfies(i -> {
            assertThat(i.source()).isEqualTo("bad.json");
            assertThat(i.skipped()).isEqualTo("bad.json:3: not JSON");
        });
    }

    @Test
    void eachFileReadsTheNamedFileUnderItsDisplayNameAndRefusesFoldersAndMissingFiles() throws IOException {
        Path file = Files.writeString(dir.resolve("send.json"), "[{\"Name\": \"x\"}]");
        List<String> seen = new ArrayList<>();
        RequestedFiles.eachFile(request(file, "exports/send.json", List.of()), new CollectingSink("t"), "a folder",
                f -> seen.add(f.name() + " " + f.size() + " " + f.headText()));
        assertThat(seen).containsExactly("exports/send.json 15 [{\"Name\": \"x\"}]");

        assertThatThrownBy(() -> RequestedFiles.eachFile(request(dir, "exports", List.of()), new CollectingSink("t"),
                "a folder, not an export", f -> seen.add(f.name())))
                .isInstanceOf(InvalidInputException.class).hasMessage("exports: a folder, not an export");
        assertThatThrownBy(() -> RequestedFiles.eachFile(request(dir.resolve("gone.json"), null, List.of()),
                new CollectingSink("t"), "a folder", f -> seen.add(f.name())))
                .isInstanceOf(NoSuchFileException.class);
        assertThat(seen).hasSize(1);
    }

    @Test
    void allFilesWalksTheNamedFolderInSortedOrderWhenNothingWasHandedOver() throws IOException {
        Files.createDirectories(dir.resolve("logs/b"));
        Files.writeString(dir.resolve("logs/b/2.log"), "two");
        Files.writeString(dir.resolve("logs/1.log"), "one");
        Files.writeString(dir.resolve("logs/a.log"), "a");
        List<String> seen = new ArrayList<>();
        RequestedFiles.allFiles(request(dir.resolve("logs"), "logs", List.of()), new CollectingSink("t"),
                (files, display) -> files.forEach(f -> seen.add(display + " " + f.name())));
        assertThat(seen).containsExactly("logs logs/1.log", "logs logs/a.log", "logs logs/b/2.log");
    }

    @Test
    void allFilesTakesTheHandedFilesAsTheyAreAndRefusesAMissingPath() throws IOException {
        List<String> seen = new ArrayList<>();
        RequestedFiles.allFiles(request(dir.resolve("not-walked"), "evidence.zip",
                List.of(text("evidence.zip!/z.log", "z"), text("evidence.zip!/a.log", "a"))), new CollectingSink("t"),
                (files, display) -> files.forEach(f -> seen.add(display + " " + f.name())));
        assertThat(seen).containsExactly("evidence.zip evidence.zip!/z.log", "evidence.zip evidence.zip!/a.log");
        assertThatThrownBy(() -> RequestedFiles.allFiles(request(dir.resolve("gone"), "gone", List.of()),
                new CollectingSink("t"), (files, display) -> seen.add("called")))
                .isInstanceOf(NoSuchFileException.class);
        assertThat(seen).hasSize(2);
    }
}
