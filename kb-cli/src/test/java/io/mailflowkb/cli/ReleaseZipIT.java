package io.mailflowkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * The release zip that ./mvnw package builds, unpacked outside the repository and run as a user would: bin/kb with
 * only java on PATH, no Maven, no source tree. Its collection scripts are the ones its own jar generates.
 */
class ReleaseZipIT {

    static final String TOP = "mailflow-kb-";

    @Test
    void unpackedZipDiagnosesAnExampleWithNoMavenAndNoSourceTree() throws Exception {
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "kb-release");
        try {
            check(unpack(dir));
        } finally {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void check(Path home) throws Exception {
        assertThat(home.toAbsolutePath().toString()).as("outside the repository")
                .doesNotStartWith(Path.of(System.getProperty("kb.root")).toAbsolutePath().toString());
        for (String f : List.of("bin/kb", "bin/kb.cmd", "lib/kb.jar", "scripts/collect-evidence.cmd",
                "scripts/Collect-MailflowEvidence.ps1", "README.md", "THIRD-PARTY.txt", "docs/knowledge-format.md")) {
            assertThat(home.resolve(f)).as(f).isRegularFile();
        }
        assertThat(Files.getPosixFilePermissions(home.resolve("bin/kb"))).contains(PosixFilePermission.OWNER_EXECUTE);
        assertThat(Files.readString(home.resolve("bin/kb.cmd"))).as("kb.cmd keeps CRLF line ends")
                .contains("\r\n").doesNotContainPattern("[^\r]\n");
        assertThat(Files.readString(home.resolve("THIRD-PARTY.txt"))).contains("Drools", "picocli", "Jackson");

        Run first = run(home, "bin/kb", "diagnose", "--example", "tls12-client-disabled-export", "--format", "json");
        assertThat(first.exit).as(first.err).isEqualTo(ExitCode.FINDINGS);
        assertThat(first.out).contains("\"id\": \"tls12-client-disabled\"");
        try (var lib = Files.list(home.resolve("lib"))) {
            assertThat(lib.map(p -> p.getFileName().toString())).as("the launcher made its start-up archive beside the jar")
                    .anyMatch(n -> n.startsWith("kb-jdk"));
        }
        Run second = run(home, "bin/kb", "diagnose", "--example", "tls12-client-disabled-export", "--format", "json");
        assertThat(second.out).as("the same answer with the archive in use").isEqualTo(first.out);

        for (String[] script : new String[][] {{"cmd", "scripts/collect-evidence.cmd"},
                {"powershell", "scripts/Collect-MailflowEvidence.ps1"}}) {
            Run generated = run(home, "bin/kb", "collect-script", "--shell", script[0]);
            assertThat(generated.exit).as(generated.err).isZero();
            assertThat(Files.readString(home.resolve(script[1]), StandardCharsets.UTF_8)).as(script[1])
                    .isEqualTo(generated.out);
        }
    }

    /** Unzips the release into dir and returns its top folder. */
    static Path unpack(Path dir) throws Exception {
        Path zip = Path.of(System.getProperty("kb.release.zip"));
        assertThat(zip).as("./mvnw package builds the release zip").isRegularFile();
        Path top = null;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Path target = dir.resolve(e.getName()).normalize();
                assertThat(target.startsWith(dir)).as("entry %s stays inside the folder", e.getName()).isTrue();
                assertThat(e.getName()).startsWith(TOP);
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target);
                }
                top = dir.resolve(e.getName().substring(0, e.getName().indexOf('/')));
            }
        }
        // java.util.zip does not restore Unix modes; unzip does, and the IT checks that the zip records them
        try (var z = new java.util.zip.ZipFile(zip.toFile())) {
            assertThat(z.stream().filter(e -> e.getName().endsWith("/bin/kb")).findFirst()).isPresent();
        }
        Files.setPosixFilePermissions(top.resolve("bin/kb"), java.util.Set.of(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));
        return top;
    }

    record Run(int exit, String out, String err) {
    }

    /** Runs a command in the unpacked folder with only the JDK's bin on PATH (plus the basic system folders). */
    static Run run(Path home, String... cmd) throws Exception {
        List<String> command = new ArrayList<>(List.of(cmd));
        command.set(0, home.resolve(cmd[0]).toString());
        ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile());
        pb.environment().clear();
        pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":/usr/bin:/bin");
        pb.environment().put("HOME", home.toString());
        Path out = Files.createTempFile("kb-out", ".txt");
        Path err = Files.createTempFile("kb-err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("bin/kb finished").isTrue();
        Run r = new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

}
