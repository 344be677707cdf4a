package io.mailflowkb.plugins.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Measures, each in a fresh JVM, how TLS 1.0/1.1 can be re-enabled on this JDK (see {@link LegacyTlsSupport}):
 * per-socket AlgorithmConstraints cannot; editing jdk.tls.disabledAlgorithms works only before JSSE's first use,
 * and then other code's default protocols stay TLS 1.3/1.2.
 */
class LegacyTlsScopeTest {

    @Test
    void perSocketConstraintsCannotReEnableTls10() throws Exception {
        String out = run("socket-constraints");
        assertThat(out).contains("No appropriate protocol", "canOffer=false");
    }

    @Test
    void reEnablingAfterJsseWasUsedFailsHonestly() throws Exception {
        assertThat(run("late")).contains("canOffer=false");
    }

    @Test
    void collectorReportsDisabledLocallyWhenItCannotOfferTls10() throws Exception {
        String out = run("late-collect");
        assertThat(out).contains("probe 127.0.0.1:1 TLS 1.0: disabled-locally (disabled on this client: TLS 1.0/1.1 are in "
                + "jdk.tls.disabledAlgorithms and JSSE was already initialised");
        assertThat(out).contains("probe 127.0.0.1:1 TLS 1.2: connect-failed");
    }

    @Test
    void reEnablingBeforeFirstJsseUseWorksAndKeepsOtherDefaultsModern() throws Exception {
        String out = run("early");
        assertThat(out).contains("canOffer=true", "defaults=[TLSv1.3, TLSv1.2]", "platformDefault=[TLSv1.3, TLSv1.2]");
    }

    @Test
    void inThisTestJvmTheProbeCanOfferEveryVersion() {
        assertThat(LegacyTlsSupport.enable()).as(String.valueOf(LegacyTlsSupport.unavailableReason())).isTrue();
        assertThat(LegacyTlsSupport.canOffer("TLSv1")).isTrue();
        assertThat(LegacyTlsSupport.canOffer("TLSv1.3")).isTrue();
    }

    private static String run(String mode) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LegacyScopeCheck.class.getName(), mode)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
