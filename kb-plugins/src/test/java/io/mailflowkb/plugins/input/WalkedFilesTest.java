package io.mailflowkb.plugins.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mailflowkb.model.InvalidInputException;
import io.mailflowkb.model.finding.InputSummary;
import io.mailflowkb.model.spi.CollectingSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 "Files": only regular files are read, with real FIFOs (mkfifo), symbolic links, /proc and unreadable
 * folders. A FIFO that were opened would block the walk forever; the timeout is the watchdog that turns that hang
 * into a failure.
 */
@Timeout(60)
class WalkedFilesTest {

    @TempDir
    Path dir;

    private record Walk(List<String> files, List<InputSummary> skipped) {
    }

    private Walk walk(Path root) {
        CollectingSink sink = new CollectingSink("walk");
        List<String> names = new ArrayList<>();
        try (EvidenceWalker w = new EvidenceWalker(WalkLimits.DEFAULTS, sink)) {
            w.walk(root, root.toString(), f -> names.add(f.name()));
        }
        return new Walk(names, sink.inputs());
    }

    private Path fifo(Path p) throws IOException, InterruptedException {
        Process mk = new ProcessBuilder("mkfifo", p.toString()).redirectErrorStream(true).start();
        assumeTrue(mk.waitFor() == 0, "mkfifo is not available here: " + new String(mk.getInputStream().readAllBytes()));
        return p;
    }

    @Test
    void fifoNamedDirectlyIsRefusedWithOneLine() throws Exception {
        Path f = fifo(dir.resolve("queue.txt"));
        InvalidInputException e = catchThrowableOfType(() -> walk(f), InvalidInputException.class);
        assertThat(e.source()).isEqualTo(f.toString());
        assertThat(e.reason()).startsWith("not a regular file (a FIFO)").doesNotContain("\n");
    }

    @Test
    void fifoInsideAFolderIsSkippedUnopened() throws Exception {
        Files.writeString(dir.resolve("a.log"), "hello\n");
        fifo(dir.resolve("b.log"));
        Walk w = walk(dir);
        assertThat(w.files()).containsExactly(dir + "/a.log");
        assertThat(w.skipped()).singleElement().satisfies(i -> {
            assertThat(i.source()).isEqualTo(dir + "/b.log");
            assertThat(i.skipped()).contains("not a regular file (a FIFO)").contains("not opened");
        });
    }

    @Test
    void systemTreesAreNotRead() {
        InvalidInputException e = catchThrowableOfType(() -> walk(Path.of("/proc/self/fd")), InvalidInputException.class);
        assertThat(e.reason()).contains("/proc").contains("not read");
        assumeTrue(Files.isDirectory(Path.of("/sys/kernel")), "no /sys here");
        assertThat(catchThrowableOfType(() -> walk(Path.of("/sys/kernel")), InvalidInputException.class).reason())
                .contains("/sys");
    }

    @Test
    void symbolicLinksOutOfTheFolderAreNotFollowed() throws IOException {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "not evidence\n");
        Path ev = Files.createDirectories(dir.resolve("evidence"));
        Files.writeString(ev.resolve("a.log"), "hello\n");
        Files.createSymbolicLink(ev.resolve("link.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(ev.resolve("linkdir"), outside);
        Files.createSymbolicLink(ev.resolve("proc"), Path.of("/proc/self"));
        Walk w = walk(ev);
        assertThat(w.files()).containsExactly(ev + "/a.log");
        assertThat(w.skipped()).extracting(InputSummary::source)
                .containsExactlyInAnyOrder(ev + "/link.txt", ev + "/linkdir", ev + "/proc");
        assertThat(w.skipped()).allSatisfy(i -> assertThat(i.skipped()).contains("symbolic link out of the folder")
                .contains("not followed"));
    }

    @Test
    void unreadableSubfolderIsSkippedWithTheReasonAndTheWalkGoesOn() throws Exception {
        // a folder everyone can enter (the walk may run as another user below), with one locked subfolder
        Path root = Files.createTempDirectory(Path.of("/tmp"), "kb-locked-");
        try {
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path sub = Files.createDirectories(root.resolve("locked"));
            Files.writeString(sub.resolve("x.log"), "hidden\n");
            Files.writeString(root.resolve("z.log"), "visible\n");
            Files.setPosixFilePermissions(root.resolve("z.log"), PosixFilePermissions.fromString("rw-r--r--"));
            Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("---------"));
            List<String> expected = List.of("skipped " + root + "/locked: folder cannot be listed: permission denied",
                    "file " + root + "/z.log");
            if (Files.isReadable(sub)) {
                // root reads any folder: walk as the unprivileged user "nobody" instead, in a JVM of its own
                assertThat(asNobody(root)).containsExactlyElementsOf(expected);
            } else {
                Walk w = walk(root);
                assertThat(w.files()).containsExactly(root + "/z.log");
                assertThat(w.skipped()).singleElement().satisfies(i -> {
                    assertThat(i.source()).isEqualTo(root + "/locked");
                    assertThat(i.skipped()).isEqualTo("folder cannot be listed: permission denied");
                });
            }
        } finally {
            Files.setPosixFilePermissions(root.resolve("locked"), PosixFilePermissions.fromString("rwx------"));
            try (var all = Files.walk(root)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Runs {@link WalkAsAnotherUser} as uid 65534 in a JVM of its own. */
    private static List<String> asNobody(Path root) throws Exception {
        // the project's class folders or jars (kb-model is a jar in a reactor build); the JVM skips the entries in
        // the private Maven repository that the other user cannot read
        String cp = System.getProperty("java.class.path");
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                javaBin.toString(), "-cp", cp, WalkAsAnotherUser.class.getName(), root.toString()).redirectErrorStream(true);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            assumeTrue(false, "running as root without setpriv: an unreadable folder cannot be made here");
            return List.of();
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        assumeTrue(code == 0 || !out.contains("setpriv:"), "setpriv cannot switch users here: " + out);
        assertThat(code).as(out).isZero();
        return out.lines().toList();
    }
}
