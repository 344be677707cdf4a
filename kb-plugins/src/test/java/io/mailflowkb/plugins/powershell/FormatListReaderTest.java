package io.mailflowkb.plugins.powershell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Format-List text as PowerShell prints it, read back into the values it printed. */
class FormatListReaderTest {

    static final String LAST_ERROR = "451 4.4.0 Primary target IP address responded with: \"421 4.4.2 Connection "
            + "dropped due to SocketError.\" Attempted failover to alternate host, but that did not succeed. Either "
            + "there are no alternate hosts, or delivery failed to all alternate hosts. The last endpoint attempted "
            + "was 104.47.1.10:25";

    static List<FormatList.Record> read(String text) throws IOException {
        FormatListReader r = new FormatListReader(new StringReader(text));
        List<FormatList.Record> all = new ArrayList<>();
        FormatList.Record rec;
        while ((rec = r.next()) != null) {
            all.add(rec);
        }
        return all;
    }

    static Stream<Arguments> seeds() {
        Random r = new Random(120);
        List<Arguments> all = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long s = r.nextLong();
            all.add(Arguments.of("seed=" + s, s));
        }
        return all.stream();
    }

    /** Random values (words, long tokens, LED errors) printed at random widths, both wrap modes, read back whole. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void wrappedValuesAreJoinedBack(String name, long seed) throws IOException {
        Random r = new Random(seed);
        List<Map<String, String>> records = new ArrayList<>();
        for (int n = 0; n < 1 + r.nextInt(3); n++) {
            Map<String, String> rec = new LinkedHashMap<>();
            rec.put("Identity", "EX01\\" + r.nextInt(99));
            rec.put("DeliveryType", "SmartHostConnectorDelivery");
            rec.put("LastError", value(r));
            rec.put("Status", "Retry");
            records.add(rec);
        }
        int width = 60 + r.nextInt(100);
        boolean wordWrap = r.nextInt(4) != 0;
        List<FormatList.Record> got = read(PowerShellFormatList.print(records, width, wordWrap));
        assertThat(got).hasSize(records.size());
        for (int i = 0; i < records.size(); i++) {
            for (Map.Entry<String, String> e : records.get(i).entrySet()) {
                assertThat(got.get(i).property(e.getKey())).as(e.getKey() + " at width " + width)
                        .hasValueSatisfying(p -> assertThat(p.value()).isEqualTo(e.getValue()));
            }
        }
    }

    private static String value(Random r) {
        return switch (r.nextInt(3)) {
            case 0 -> LAST_ERROR;
            case 1 -> "[{LED=451 4.4.397 Error communicating with target host. -> 421 4.4.2 Connection dropped due to "
                    + "SocketError};{MSG=};{FQDN=contoso-com.mail.protection.outlook.com};{IP=104.47.1." + r.nextInt(255)
                    + "};{LRT=3/1/2024 10:05:00 AM}]";
            default -> "x".repeat(1 + r.nextInt(300));
        };
    }

    @Test
    void lineNumbersCollectionsAndTruncation() throws IOException {
        String text = "\r\nAccessRules        : {System.Security.AccessControl.CryptoKeyAccessRule,\r\n"
                + "                     System.Security.AccessControl.CryptoKeyAccessRule,\r\n"
                + "                     ...}\r\n"
                + "CertificateDomains : {owa.domain.com, autodiscover.domain.com}\r\n"
                + "Services           : IMAP, POP, IIS, SMTP\r\n"
                + "FriendlyName       :\r\n"
                + "Extra              : {a, b, c, d\u2026}\r\n";
        FormatList.Record rec = read(text).get(0);
        FormatList.Property rules = rec.property("accessrules").orElseThrow();
        assertThat(rules.line()).isEqualTo(2);
        assertThat(rules.lastLine()).isEqualTo(4);
        assertThat(rules.truncated()).isTrue();
        assertThat(rules.items()).hasSize(2);
        FormatList.Property domains = rec.property("CertificateDomains").orElseThrow();
        assertThat(domains.items()).containsExactly("owa.domain.com", "autodiscover.domain.com");
        assertThat(domains.truncated()).isFalse();
        assertThat(rec.property("Services").orElseThrow().items()).containsExactly("IMAP, POP, IIS, SMTP");
        assertThat(rec.property("FriendlyName").orElseThrow().value()).isEmpty();
        assertThat(rec.property("Extra").orElseThrow().truncated()).isTrue();
        assertThat(rec.property("Extra").orElseThrow().items()).containsExactly("a", "b", "c", "d");
        assertThat(FormatList.truncationAdvice("AccessRules")).contains("$FormatEnumerationLimit=-1")
                .contains("Out-String -Width 4096");
    }

    @Test
    void detection() {
        assertThat(FormatListReader.looksLikeFormatList("\r\nIdentity : a\r\nStatus   : Retry\r\n", 2)).isTrue();
        assertThat(FormatListReader.looksLikeFormatList("Hello: world\nthis is prose\nmore prose\n", 1)).isFalse();
    }
}
