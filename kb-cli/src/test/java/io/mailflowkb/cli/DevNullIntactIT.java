package io.mailflowkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Runs after every module's unit tests and the packaged-jar tests (failsafe, in the last module of the reactor):
 * the system's /dev/null must still be the null character device. A run of kb as root with {@code -o /dev/null}
 * once replaced it with a regular file; nothing in the suite may do that again.
 */
class DevNullIntactIT {

    @Test
    void devNullIsStillTheNullCharacterDevice() throws Exception {
        Path devNull = Path.of("/dev/null");
        int mode = (Integer) Files.getAttribute(devNull, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        assertThat(mode & 0170000).as("/dev/null file type").isEqualTo(0020000);
        long rdev = (Long) Files.getAttribute(devNull, "unix:rdev", LinkOption.NOFOLLOW_LINKS);
        assertThat(rdev).as("/dev/null device number (major 1, minor 3)").isEqualTo((1L << 8) | 3L);
        assertThat(Files.size(devNull)).isZero();
    }

    /** {@code -o /dev/stdout} writes into the process's own stdout (here a pipe) instead of replacing anything. */
    @Test
    void devStdoutIsWrittenInPlace() throws Exception {
        ShadedJarIT.Run run = ShadedJarIT.java("-jar", ShadedJarIT.jar(), "diagnose", "--example",
                "tls12-server-disabled", "--format", "json", "-o", "/dev/stdout");
        assertThat(run.exit()).as(run.err()).isIn(0, 1);
        assertThat(run.out()).startsWith("{").contains("\"findings\"");
        assertThat(run.err()).isEmpty();
    }
}
