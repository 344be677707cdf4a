package io.mailflowkb.cli.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The CLI's progress line, drawn from the collectors' progress reports: redrawn in place, cleared at the end. */
class ProgressLineTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ProgressLine line = new ProgressLine(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void eachReportRedrawsTheLineInPlace() {
        line.progress("logs/SEND1.LOG", 412L << 20, 1L << 30);
        line.progress("logs/SEND2.LOG", 3L << 29, 1L << 30);
        assertThat(printed()).isEqualTo("\rreading logs/SEND1.LOG: 412 MB of 1.0 GB   "
                + "\rreading logs/SEND2.LOG: 1.5 GB of 1.0 GB   ");
    }

    @Test
    void aLongNameKeepsItsEnd() {
        String name = "evidence-EX01-20260301.zip!/Logs/ProtocolLog/SmtpSend/SEND20260301-17.LOG";
        line.progress(name, 70L << 20, 80L << 20);
        assertThat(printed()).isEqualTo("\rreading ..." + name.substring(name.length() - 47) + ": 70 MB of 80 MB   ");
    }

    @Test
    void clearBlanksTheLineOnlyWhenSomethingWasShown() {
        line.clear();
        assertThat(printed()).isEmpty();
        line.progress("a.log", 0, 64L << 20);
        bytes.reset();
        line.clear();
        assertThat(printed()).isEqualTo("\r" + " ".repeat(80) + "\r");
        bytes.reset();
        line.clear();
        assertThat(printed()).isEmpty();
    }
}
