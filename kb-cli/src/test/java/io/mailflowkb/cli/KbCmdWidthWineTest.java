package io.mailflowkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kb.cmd, run in Wine's real cmd.exe, passes the console width to Java as {@code -Dkb.columns} the way ./kb does
 * (found in review: its text output always wrapped at 80). Wine runs no Windows JVM and has no mode.com, so
 * stand-ins on the PATH take their place: {@code java.bat} writes the arguments it was given to a file, and
 * {@code mode.bat} prints the console status in the shape {@code mode con} prints it on Windows. The launcher
 * itself is the shipped file, unchanged, in a release-zip layout (bin\kb.cmd beside lib\kb.jar).
 */
class KbCmdWidthWineTest {

    @TempDir
    static Path tmp;
    static Wine wine;
    static Path home;
    static Path standIns;

    @BeforeAll
    static void boot() throws Exception {
        wine = Wine.boot(tmp);
        home = tmp.resolve("mailflow-kb");
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("lib"));
        Files.copy(Path.of("..", "kb.cmd"), home.resolve("bin/kb.cmd"));
        Files.write(home.resolve("lib/kb.jar"), new byte[0]); // never opened: java is a stand-in
        standIns = tmp.resolve("stand-ins");
        Files.createDirectories(standIns);
        Files.writeString(standIns.resolve("java.bat"), "@echo %*> \"%~dp0java-args.txt\"\r\n@exit /b 0\r\n");
        wine.removedEnv.add("JAVA_HOME");
        wine.extraEnv.add("WINEPATH=" + Wine.windowsPath(standIns));
        wine.extraEnv.add("KB_NO_CDS=1");
    }

    @AfterAll
    static void stop() throws Exception {
        if (wine != null) {
            wine.close();
        }
    }

    /** Runs bin\kb.cmd with {@code mode.bat} printing {@code modeOutput} (none when null); the java arguments. */
    static String javaArguments(String modeOutput) throws Exception {
        Path mode = standIns.resolve("mode.bat");
        Files.deleteIfExists(mode);
        if (modeOutput != null) {
            StringBuilder bat = new StringBuilder("@echo off\r\n");
            modeOutput.lines().forEach(l -> bat.append(l.isEmpty() ? "echo." : "echo " + l).append("\r\n"));
            Files.writeString(mode, bat, StandardCharsets.US_ASCII);
        }
        Path args = standIns.resolve("java-args.txt");
        Files.deleteIfExists(args);
        Wine.Result r = wine.run(tmp, "cmd", "/c", Wine.windowsPath(home.resolve("bin/kb.cmd")), "diagnose",
                "--example", "tls12-client-disabled-export");
        assertThat(r.exit()).as("kb.cmd exit; out=%s err=%s", r.out(), r.err()).isZero();
        assertThat(args).as("the java stand-in ran; out=%s err=%s", r.out(), r.err()).exists();
        return Files.readString(args, StandardCharsets.ISO_8859_1).strip();
    }

    @Test
    void theConsoleWidthFromModeConIsPassedToJava() throws Exception {
        String args = javaArguments("""

                Status for device CON:
                ----------------------
                    Lines:          9001
                    Columns:        132
                    Keyboard rate:  31
                    Keyboard delay: 1
                    Code page:      437

                """);
        assertThat(args).contains("-Dkb.columns=132 ").endsWith("diagnose --example tls12-client-disabled-export");
    }

    /** The labels are translated on other Windows languages; the order (lines, then columns) is not. */
    @Test
    void aTranslatedModeConGivesTheSameWidth() throws Exception {
        String args = javaArguments("""
                Status von Geraet CON:
                ----------------------
                    Zeilen:          3000
                    Spalten:         100
                    Wiederholrate:   31
                """);
        assertThat(args).contains("-Dkb.columns=100 ");
    }

    @Test
    void withoutModeOrWithAValueThatIsNoNumberNoWidthIsPassed() throws Exception {
        assertThat(javaArguments(null)).doesNotContain("kb.columns")
                .endsWith("diagnose --example tls12-client-disabled-export");
        assertThat(javaArguments("""
                Status for device CON:
                    Lines:          9001
                    Columns:        wide
                """)).doesNotContain("kb.columns");
    }
}
