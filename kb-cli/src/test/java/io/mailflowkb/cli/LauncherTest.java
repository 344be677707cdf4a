package io.mailflowkb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The checkout launcher {@code ./kb}: it rebuilds the jar when a source, knowledge or build file is newer than it, and
 * only then. Runs the real script in a copy of the checkout's layout with a Maven wrapper and a java that only record
 * that they ran, so the test needs bash but no build.
 */
class LauncherTest {

    static final Path LAUNCHER = Path.of(System.getProperty("kb.root", ".."), "kb");
    static final FileTime OLD = FileTime.from(Instant.parse("2026-01-01T00:00:00Z"));
    static final FileTime JAR = FileTime.from(Instant.parse("2026-01-02T00:00:00Z"));
    static final FileTime NEW = FileTime.from(Instant.parse("2026-01-03T00:00:00Z"));

    @TempDir
    Path root;

    @BeforeEach
    void checkout() throws IOException, InterruptedException {
        assumeTrue(new ProcessBuilder("bash", "--version").start().waitFor() == 0, "bash is not installed");
        Files.copy(LAUNCHER, root.resolve("kb"), StandardCopyOption.COPY_ATTRIBUTES);
        script(root.resolve("mvnw"), "echo built >> \"$(dirname \"$0\")/builds\"; touch kb-cli/target/kb.jar");
        script(root.resolve("jdk/bin/java"), "echo java ran");
        Files.writeString(root.resolve("jdk/release"), "JAVA_VERSION=\"17.0.15\"\n");
        for (String f : List.of("pom.xml", "kb-model/pom.xml", "kb-model/src/main/java/io/A.java",
                "kb-rules/src/main/resources/rules.drl", "kb-plugins/src/main/java/io/B.java",
                "kb-cli/src/main/java/io/C.java", "kb-cli/src/test/java/io/CTest.java", "knowledge/tls/finding.yaml",
                "kb-rules/target/classes/knowledge.bin", "kb-plugins/src/main/java/io/target/D.java",
                "kb-model/src/main/resources/target")) {
            touch(f, OLD);
        }
        touch("kb-cli/target/kb.jar", JAR);
    }

    @ParameterizedTest(name = "{0} changed -> rebuilt {1}")
    @CsvSource({
            "nothing, false",
            "pom.xml, true",
            "kb-model/pom.xml, true",
            "kb-model/src/main/java/io/A.java, true",
            "kb-rules/src/main/resources/rules.drl, true",
            "kb-plugins/src/main/java/io/B.java, true",
            "kb-cli/src/main/java/io/C.java, true",
            "knowledge/tls/finding.yaml, true",
            "knowledge/tls/new-finding.yaml, true",
            "kb-model/src/main/resources/target, true",
            "kb-cli/src/test/java/io/CTest.java, false",
            "kb-rules/target/classes/knowledge.bin, false",
            "kb-plugins/src/main/java/io/target/D.java, false",
            "kb-cli/target/kb.jar, false"})
    void rebuildsExactlyWhenASourceIsNewerThanTheJar(String changed, boolean rebuilt) throws Exception {
        if (!changed.equals("nothing")) {
            touch(changed, NEW);
        }
        assertThat(run()).isEqualTo("java ran\n");
        assertThat(Files.exists(root.resolve("builds"))).as("the Maven wrapper ran").isEqualTo(rebuilt);
        Files.deleteIfExists(root.resolve("builds"));
        assertThat(run()).as("a second run").isEqualTo("java ran\n");
        assertThat(Files.exists(root.resolve("builds"))).as("rebuilt again although nothing changed").isFalse();
    }

    @ParameterizedTest(name = "missing jar -> rebuilt")
    @CsvSource("kb-cli/target/kb.jar")
    void aMissingJarIsBuilt(String jar) throws Exception {
        Files.delete(root.resolve(jar));
        assertThat(run()).isEqualTo("java ran\n");
        assertThat(Files.readString(root.resolve("builds"))).isEqualTo("built\n");
    }

    /**
     * Which archive the launcher makes and uses follows the JDK's feature version, read from its release file, also
     * when KB_JAVA is the binary or a symlink to it from elsewhere (how /usr/bin/java reaches a JDK).
     */
    @ParameterizedTest(name = "JAVA_VERSION {0} via {1} -> {2}")
    @CsvSource({
            "25.0.3, folder, -XX:AOTCache=ARCHIVE/kb-jdk25.aot",
            "25.0.3, binary, -XX:AOTCache=ARCHIVE/kb-jdk25.aot",
            "25.0.3, symlink, -XX:AOTCache=ARCHIVE/kb-jdk25.aot",
            "17.0.15, symlink, -XX:SharedArchiveFile=ARCHIVE/kb-jdk17.jsa",
            "26, folder, -XX:AOTCache=ARCHIVE/kb-jdk26.aot",
            "1.8.0_392, binary, -XX:SharedArchiveFile=ARCHIVE/kb-jdk1.jsa",
            "none, symlink, -XX:SharedArchiveFile=ARCHIVE/kb-jdkunknown.jsa"})
    void theArchiveFollowsTheVersionInTheJdksReleaseFile(String version, String via, String expected) throws Exception {
        // this java writes the archive it is asked to make, then prints its arguments
        script(root.resolve("jdk/bin/java"), "for a in \"$@\"; do case \"$a\" in -XX:AOTCacheOutput=*|"
                + "-XX:ArchiveClassesAtExit=*) : > \"${a#*=}\";; esac; done; echo \"java $*\"");
        if (version.equals("none")) {
            Files.delete(root.resolve("jdk/release"));
        } else {
            Files.writeString(root.resolve("jdk/release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n");
        }
        Path link = root.resolve("usr/bin/java");
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, root.resolve("jdk/bin/java"));
        String java = switch (via) {
            case "folder" -> root.resolve("jdk").toString();
            case "binary" -> root.resolve("jdk/bin/java").toString();
            default -> link.toString();
        };
        String out = run(java, false);
        assertThat(out).startsWith("java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC ")
                .contains(" " + expected.replace("ARCHIVE", root.resolve("kb-cli/target").toString()) + " ")
                .endsWith(" -jar " + root.resolve("kb-cli/target/kb.jar") + " --version\n");
    }

    private String run() throws IOException, InterruptedException {
        return run(root.resolve("jdk").toString(), true);
    }

    private String run(String java, boolean noArchive) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("kb").toString(), "--version");
        pb.environment().put("KB_JAVA", java);
        if (noArchive) {
            pb.environment().put("KB_NO_CDS", "1");
        }
        pb.redirectErrorStream(false);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        return out;
    }

    private void touch(String file, FileTime time) throws IOException {
        Path p = root.resolve(file);
        Files.createDirectories(p.getParent());
        if (!Files.exists(p)) {
            Files.writeString(p, file);
        }
        Files.setLastModifiedTime(p, time);
    }

    private static void script(Path p, String body) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
