package io.mailflowkb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code -o} does with what is already there. Device tests use a device node made here with mknod, never
 * the system's /dev/null: a regression must not be able to break the machine the suite runs on.
 */
class OutputTargetTest {

    static final String EXAMPLE = "tls12-server-disabled";
    static final Path REG = Path.of(System.getProperty("kb.knowledge.dir"),
            "tls-deprecation/examples/raw/ex01-schannel.reg");

    static int mode(Path p) throws Exception {
        return (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    }

    static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + ": " + new String(p.getInputStream().readAllBytes()))
                .isZero();
    }

    /**
     * Found in review: a SIGKILL between staging and renaming leaves a hidden temporary file beside the target. The
     * next write of that target removes kb's own stale ones and nothing else: not a fresh one (a write under way),
     * not another target's, not a user's file with a similar name, not a symbolic link.
     */
    @Test
    void theNextWriteRemovesOnlyKbsOwnStaleTemporaryFilesForThatTarget(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("report.json");
        java.nio.file.attribute.FileTime hourAgo = java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(java.time.Duration.ofHours(1)));
        Path stale = dir.resolve(".report.json.kb-3w5e11264sgsg.tmp");
        Path fresh = dir.resolve(".report.json.kb-1y2p0ij32e8e7.tmp");
        Path otherTarget = dir.resolve(".other.json.kb-3w5e11264sgsg.tmp");
        Path usersOwn = dir.resolve(".report.json.backup.tmp");
        Path similar = dir.resolve(".report.json.kb-3w5e11264sgsg.tmp.keep");
        Path link = dir.resolve(".report.json.kb-abc.tmp");
        for (Path p : new Path[] {stale, fresh, otherTarget, usersOwn, similar}) {
            Files.writeString(p, "x");
        }
        Files.createSymbolicLink(link, usersOwn);
        for (Path p : new Path[] {stale, otherTarget, usersOwn, similar}) {
            Files.setLastModifiedTime(p, hourAgo);
        }
        Kb kb = Kb.run("diagnose", "--example", EXAMPLE, "--format", "json", "-o", target.toString());
        assertThat(kb.exit()).as(kb.err()).isEqualTo(ExitCode.FINDINGS);
        assertThat(target).isRegularFile();
        assertThat(stale).doesNotExist();
        for (Path p : new Path[] {fresh, otherTarget, usersOwn, similar}) {
            assertThat(p).as(p.getFileName().toString()).exists();
        }
        assertThat(Files.isSymbolicLink(link)).isTrue();
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("report.json",
                    fresh.getFileName().toString(), otherTarget.getFileName().toString(),
                    usersOwn.getFileName().toString(), similar.getFileName().toString(), link.getFileName().toString());
        }
    }

    @Test
    void aFifoIsRefusedAndStaysAFifo(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("report.txt");
        run("mkfifo", fifo.toString());
        Kb kb = Kb.run("diagnose", "--example", EXAMPLE, "-o", fifo.toString());
        kb.assertOneLineErrorNaming(fifo.toString());
        assertThat(kb.err()).contains("not a regular file").contains("named pipe");
        assertThat(mode(fifo) & 0170000).as("still a FIFO").isEqualTo(0010000);
        Kb.run("collect", "--registry", REG.toString(), "-o", fifo.toString()).assertOneLineErrorNaming(fifo.toString());
        assertThat(mode(fifo) & 0170000).as("still a FIFO").isEqualTo(0010000);
    }

    @Test
    void aDirectoryIsRefused(@TempDir Path dir) {
        Kb.run("diagnose", "--example", EXAMPLE, "-o", dir.toString()).assertOneLineErrorNaming(dir.toString());
    }

    @Test
    void anExistingFileKeepsItsModeAndGetsTheNewContent(@TempDir Path dir) throws Exception {
        for (String perms : new String[] {"rw-r--r--", "rw-rw----", "rw-------"}) {
            Path out = dir.resolve("report-" + perms + ".json");
            Files.writeString(out, "old");
            Files.setPosixFilePermissions(out, PosixFilePermissions.fromString(perms));
            Kb kb = Kb.run("diagnose", "--example", EXAMPLE, "--format", "json", "-o", out.toString());
            assertThat(kb.exit()).as(kb.err()).isIn(0, 1);
            assertThat(Files.readString(out)).startsWith("{").contains("\"findings\"");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo(perms);
        }
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void aNewFileGetsTheUsualModeNotTheTemporaryFilesOwnerOnlyMode(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("new.txt");
        Kb.run("diagnose", "--example", EXAMPLE, "-o", out.toString());
        // the temporary file is created like any new file (0666 less the umask); 0600 would say createTempFile
        assertThat(mode(out) & 0777).isNotEqualTo(0600).isEqualTo(0666 & ~umask());
    }

    @Test
    void aSymbolicLinkIsWrittenThroughAndStaysALink(@TempDir Path dir) throws Exception {
        Path real = Files.writeString(dir.resolve("real.txt"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), real);
        Kb.run("diagnose", "--example", EXAMPLE, "-o", link.toString());
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).contains("TLS 1.2");
    }

    @Test
    void dashIsStdoutAndNoFileNamedDashAppears(@TempDir Path dir) throws Exception {
        Kb kb = Kb.run("diagnose", "--example", EXAMPLE, "--format", "json", "-o", "-");
        assertThat(kb.out()).startsWith("{").contains("\"findings\"");
        assertThat(Path.of("-")).doesNotExist();
        Kb collect = Kb.run("collect", "--registry", REG.toString(), "-o", "-");
        assertThat(collect.out()).startsWith("schemaVersion: 1");
        assertThat(Path.of("-")).doesNotExist();
    }

    @Test
    void aCharacterDeviceIsWrittenInPlaceAndStaysADevice(@TempDir Path dir) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")),
                "making a device node with mknod needs root; the system's /dev/null is never used here");
        Path dev = dir.resolve("null");
        run("mknod", dev.toString(), "c", "1", "3");
        Kb kb = Kb.run("diagnose", "--example", EXAMPLE, "--format", "json", "-o", dev.toString());
        assertThat(kb.exit()).as(kb.err()).isIn(0, 1);
        assertThat(mode(dev) & 0170000).as("still a character device").isEqualTo(0020000);
        // and a fix script is never spread beside a device (it would land in /dev for -o /dev/null)
        Kb fix = Kb.run("diagnose", "--example", "tls12-client-disabled-export", "--fix-script", "ps1", "-o",
                dev.toString());
        fix.assertOneLineErrorNaming(dev.toString());
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("null");
        }
    }

    private static int umask() throws Exception {
        Process p = new ProcessBuilder("sh", "-c", "umask").start();
        return Integer.parseInt(new String(p.getInputStream().readAllBytes()).strip(), 8);
    }
}
