package io.mailflowkb.plugins.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflowkb.model.fact.ProbeResult;
import io.mailflowkb.model.spi.CollectingSink;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The probe's version matrix against real Postfix/OpenSSL 3 peers must equal what {@code openssl s_client
 * -starttls smtp} sees for the same versions (a second, independent TLS stack).
 */
class ProbePostfixMatrixTest {

    private static final Map<String, String> OPENSSL_FLAG = Map.of(
            "TLS 1.0", "-tls1", "TLS 1.1", "-tls1_1", "TLS 1.2", "-tls1_2", "TLS 1.3", "-tls1_3");

    @ParameterizedTest(name = "{0} instance")
    @ValueSource(strings = {"legacy", "modern"})
    void probeMatrixEqualsOpenSsl(String instance) throws Exception {
        int port = PostfixPeers.ensure().get(instance);
        CollectingSink sink = ProbeFixtures.probe("127.0.0.1:" + port, Map.of());
        Map<String, String> probe = new LinkedHashMap<>();
        for (ProbeResult r : ProbeFixtures.results(sink)) {
            probe.put(r.tlsVersion(), r.succeeded() ? "ok" : "failed");
        }
        Map<String, String> openssl = new LinkedHashMap<>();
        for (String v : List.of("TLS 1.0", "TLS 1.1", "TLS 1.2", "TLS 1.3")) {
            openssl.put(v, openssl(port, v) ? "ok" : "failed");
        }
        assertThat(probe).as("probe vs openssl on " + instance + ProbeFixtures.describe(sink)).isEqualTo(openssl);

        if (instance.equals("legacy")) {
            assertThat(outcomes(sink)).containsExactly("ok", "ok", "refused", "refused");
            assertThat(ProbeFixtures.result(sink, "TLS 1.2").detail()).isEqualTo("refused by peer: protocol_version alert");
            assertThat(ProbeFixtures.result(sink, "TLS 1.0").cipher()).contains("_CBC_SHA");
        } else {
            assertThat(outcomes(sink).subList(0, 2)).allMatch(o -> o.equals("refused") || o.equals("disabled-locally"));
            assertThat(outcomes(sink).subList(2, 4)).containsExactly("ok", "ok");
        }
        assertThat(ProbeFixtures.certificate(sink).subject()).isEqualTo("CN=localhost");
        assertThat(ProbeFixtures.certificate(sink).nameMatches()).isNull(); // IP literal target
    }

    private static List<String> outcomes(CollectingSink sink) {
        return ProbeFixtures.results(sink).stream().map(ProbeResult::outcome).toList();
    }

    /** Whether {@code openssl s_client -starttls smtp} completes a handshake with only this version. */
    private static boolean openssl(int port, String version) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("timeout", "10", "openssl", "s_client", "-starttls", "smtp",
                "-connect", "127.0.0.1:" + port, OPENSSL_FLAG.get(version)));
        if (version.equals("TLS 1.0") || version.equals("TLS 1.1")) {
            cmd.addAll(List.of("-cipher", "DEFAULT@SECLEVEL=0")); // OpenSSL 3 refuses 1.0/1.1 at level 1+
        }
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.assumeTrue(false, "openssl unavailable: " + e.getMessage());
            return false;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(15, TimeUnit.SECONDS);
        return out.lines().anyMatch(l -> l.startsWith("New, TLSv") && !l.contains("Cipher is (NONE)"));
    }
}
