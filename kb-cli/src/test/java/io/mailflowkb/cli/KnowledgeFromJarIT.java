package io.mailflowkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailflowkb.model.bundle.Mappers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kb.jar loads its shipped knowledge from the build-time form without opening itself as a zip file system (reading
 * the central directory of a 7,000-entry jar was a tenth of a cold diagnosis); an example's input files are read
 * from the jar's directory too, and only an example whose input is a folder opens it. Seen from outside, in the jar's own JVM: the JDK's zip file system class
 * is loaded or not ({@code -Xlog:class+load}), and the diagnosis is the same either way.
 */
class KnowledgeFromJarIT {

    private static final String ZIP_FILE_SYSTEM = " jdk.nio.zipfs.ZipFileSystem ";
    private static final Path EXAMPLE_BUNDLE = Path.of(System.getProperty("kb.root", ".."), "knowledge",
            "tls-deprecation", "findings", "tls12-client-disabled", "examples", "tls12-client-disabled.yaml");

    @TempDir
    Path tmp;

    private List<String> loadedClasses(Path log) throws Exception {
        List<String> loaded = Files.readAllLines(log);
        assertThat(loaded).as("class loading was traced").hasSizeGreaterThan(1000);
        return loaded;
    }

    @Test
    void diagnosingABundleOnDiskOpensNoFileSystemInTheJar() throws Exception {
        assertThat(EXAMPLE_BUNDLE).isRegularFile();
        Path log = tmp.resolve("classes.log");
        ShadedJarIT.Run run = ShadedJarIT.java("-Xlog:class+load=info:file=" + log, "-jar", ShadedJarIT.jar(),
                "diagnose", EXAMPLE_BUNDLE.toString(), "--format", "json");
        assertThat(run.exit()).as(run.err()).isEqualTo(ExitCode.FINDINGS);
        assertThat(run.out()).contains("\"id\": \"tls12-client-disabled\"")
                .contains("knowledge/tls-deprecation/findings/tls12-client-disabled/finding.yaml");
        assertThat(loadedClasses(log)).noneMatch(l -> l.contains(ZIP_FILE_SYSTEM));
    }

    @Test
    void anExampleIsReadFromInsideTheJarWithTheSameDiagnosisAsItsFileOnDisk() throws Exception {
        Path log = tmp.resolve("classes.log");
        ShadedJarIT.Run example = ShadedJarIT.java("-Xlog:class+load=info:file=" + log, "-jar", ShadedJarIT.jar(),
                "diagnose", "--example", "tls12-client-disabled", "--format", "json");
        assertThat(example.exit()).as(example.err()).isEqualTo(ExitCode.FINDINGS);
        assertThat(loadedClasses(log)).noneMatch(l -> l.contains(ZIP_FILE_SYSTEM));
        assertThat(example.out()).contains("\"source\": \"knowledge/tls-deprecation/findings/tls12-client-disabled/"
                + "examples/tls12-client-disabled.yaml\"");
        ShadedJarIT.Run onDisk = ShadedJarIT.java("-jar", ShadedJarIT.jar(), "diagnose", EXAMPLE_BUNDLE.toString(),
                "--format", "json");
        assertThat(findings(example.out())).contains("\"tls12-client-disabled\"").isEqualTo(findings(onDisk.out()));
    }

    @Test
    void rawExportsOfAnExampleAreReadFromTheJarAndAFolderInputOpensIt() throws Exception {
        Path files = tmp.resolve("files.log");
        ShadedJarIT.Run exports = ShadedJarIT.java("-Xlog:class+load=info:file=" + files, "-jar", ShadedJarIT.jar(),
                "diagnose", "--example", "tls12-client-disabled-export", "--format", "json");
        assertThat(exports.exit()).as(exports.err()).isEqualTo(ExitCode.FINDINGS);
        assertThat(loadedClasses(files)).noneMatch(l -> l.contains(ZIP_FILE_SYSTEM));
        assertThat(exports.out()).contains("\"id\": \"tls12-client-disabled\"")
                .contains("\"source\": \"knowledge/tls-deprecation/examples/raw/");

        Path folder = tmp.resolve("folder.log");
        ShadedJarIT.Run logs = ShadedJarIT.java("-Xlog:class+load=info:file=" + folder, "-jar", ShadedJarIT.jar(),
                "diagnose", "--example", "starttls-not-offered-send-log", "--format", "json");
        assertThat(logs.exit()).as(logs.err()).isEqualTo(ExitCode.FINDINGS);
        assertThat(loadedClasses(folder)).anyMatch(l -> l.contains(ZIP_FILE_SYSTEM));
        assertThat(logs.out()).contains("\"id\": \"starttls-not-offered\"");
    }

    /** The whole diagnosis but its inputs[] (which name the file as it was read: inside the jar or on disk). */
    private static String findings(String json) throws Exception {
        ObjectNode tree = (ObjectNode) Mappers.json().readTree(json);
        assertThat(tree.remove("inputs")).isNotEmpty();
        return tree.toString();
    }
}
