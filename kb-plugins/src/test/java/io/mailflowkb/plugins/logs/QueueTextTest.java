package io.mailflowkb.plugins.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflowkb.model.fact.FlowDirection;
import io.mailflowkb.model.fact.Symptom;
import io.mailflowkb.model.finding.InputSummary;
import io.mailflowkb.model.spi.CollectingSink;
import io.mailflowkb.model.spi.InputKind;
import io.mailflowkb.model.spi.Request;
import io.mailflowkb.plugins.input.WalkedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Get-Queue | Format-List as Windows PowerShell 5.1 writes it with {@code >}: UTF-16LE with BOM, LastError wrapped
 * at the console width. The wrapped error is found whole, on the property's first line; a collection PowerShell cut
 * is a warning that says how to export it whole.
 */
class QueueTextTest {

    private static final String QUEUE = "\r\n"
            + "Identity      : EX01\\12\r\n"
            + "DeliveryType  : SmartHostConnectorDelivery\r\n"
            + "NextHopDomain : contoso-com.mail.protection.outlook.com\r\n"
            + "Status        : Retry\r\n"
            + "LastError     : 451 4.4.0 Primary target IP address responded with: \"421 4.4.2 Connection dropped \r\n"
            + "                due to SocketError.\" Attempted failover to alternate host, but that did not \r\n"
            + "                succeed. The last endpoint attempted was 104.47.1.10:25\r\n"
            + "Messages      : {m1, m2, m3, m4...}\r\n\r\n\r\n";

    private static CollectingSink read(byte[] bytes) throws IOException {
        WalkedFile f = WalkedFile.of("queue.txt", bytes);
        LogCollector c = new LogCollector();
        assertThat(c.claim(f).kind()).isEqualTo("Get-Queue | Format-List output");
        CollectingSink sink = new CollectingSink("logs");
        c.collect(new Request(InputKind.LOGS, null, null, "queue.txt", Map.of("progress", "false"),
                TestSymptoms.SEED_SET, null, null, List.of(f)), sink);
        return sink;
    }

    @Test
    void wrappedLastErrorIsFoundAndTheCutCollectionIsAWarning() throws IOException {
        byte[] utf16 = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, QUEUE.getBytes(StandardCharsets.UTF_16LE));
        CollectingSink sink = read(utf16);
        List<Symptom> symptoms = sink.facts().stream().filter(Symptom.class::isInstance).map(Symptom.class::cast).toList();
        assertThat(symptoms).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo("socketerror-421");
            assertThat(s.direction()).isEqualTo(FlowDirection.OUTBOUND);
            assertThat(s.samples().get(0).line()).isEqualTo(6);
        });
        InputSummary in = sink.inputs().get(0);
        assertThat(in.warnings()).singleElement().asString().startsWith("line 9: Messages was cut by PowerShell")
                .contains("$FormatEnumerationLimit=-1").contains("Out-String -Width 4096");
        assertThat(read(QUEUE.getBytes(StandardCharsets.UTF_8)).facts()).isEqualTo(sink.facts());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
