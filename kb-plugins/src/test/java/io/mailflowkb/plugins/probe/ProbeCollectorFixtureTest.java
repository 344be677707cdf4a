package io.mailflowkb.plugins.probe;

import static io.mailflowkb.plugins.probe.ProbeFixtures.certificate;
import static io.mailflowkb.plugins.probe.ProbeFixtures.probe;
import static io.mailflowkb.plugins.probe.ProbeFixtures.result;
import static io.mailflowkb.plugins.probe.ProbeFixtures.results;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailflowkb.model.fact.ProbeCertificate;
import io.mailflowkb.model.fact.ProbeResult;
import io.mailflowkb.model.spi.CollectingSink;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The probe against in-JVM SMTP fixtures that each misbehave in one way. Everything stays on 127.0.0.1. */
class ProbeCollectorFixtureTest {

    private static final Map<String, String> MODERN = Map.of("versions", "TLSv1.2,TLSv1.3");

    @Test
    void tlsPeerGivesOkPerVersionCipherTranscriptCertificateAndTheJsseWarning() throws Exception {
        try (SmtpFixture f = new SmtpFixture(SmtpFixture.Mode.TLS)) {
            CollectingSink sink = probe(f.target(), Map.of());
            ProbeResult v12 = result(sink, "TLS 1.2");
            assertThat(v12.outcome()).isEqualTo("ok");
            assertThat(v12.cipher()).startsWith("TLS_");
            assertThat(v12.starttlsOffered()).isTrue();
            assertThat(v12.authOffered()).isTrue();
            assertThat(v12.target()).isEqualTo(f.target());
            assertThat(v12.source().source()).isEqualTo("probe:" + f.target());
            assertThat(v12.source().detail()).contains("S: 220-fixture.kb.test ESMTP test fixture", "S: 220 ready",
                    "C: EHLO probe.kb.test", "C: STARTTLS", "-- TLS handshake ok: TLSv1.2", "C: QUIT");
            assertThat(result(sink, "TLS 1.3").outcome()).isEqualTo("ok");
            // the fixture only enables 1.2/1.3: it refuses 1.0/1.1 with an alert, which is not "disabled locally"
            assertThat(result(sink, "TLS 1.0").outcome()).isEqualTo("refused");
            assertThat(result(sink, "TLS 1.0").detail()).isEqualTo("refused by peer: protocol_version alert");
            assertThat(result(sink, "TLS 1.1").outcome()).isEqualTo("refused");
            assertThat(results(sink)).extracting(ProbeResult::tlsVersion)
                    .containsExactly("TLS 1.0", "TLS 1.1", "TLS 1.2", "TLS 1.3");

            ProbeCertificate cert = certificate(sink);
            assertThat(cert.subject()).isEqualTo("CN=localhost");
            assertThat(cert.subjectAltNames()).containsExactly("localhost", "127.0.0.1");
            assertThat(cert.keyType()).isEqualTo("EC");
            assertThat(cert.keySize()).isEqualTo(256);
            assertThat(cert.signatureAlgorithm()).isEqualTo("SHA256withECDSA");
            assertThat(cert.trusted()).isFalse();
            assertThat(cert.expired()).isFalse();
            assertThat(cert.nameMatches()).isTrue();
            assertThat(cert.chain()).containsExactly("CN=localhost");
            assertThat(sink.warnings()).containsExactly("probe:" + f.target() + ": " + ProbeCollector.JSSE_WARNING);
            // nothing but EHLO/STARTTLS/QUIT ever reaches the server
            assertThat(f.commands).allMatch(c -> c.startsWith("EHLO ") || c.equals("STARTTLS") || c.equals("QUIT"));
        }
    }

    @Test
    void legacyOnlyFixtureNegotiatesTls10And11() throws Exception {
        try (SmtpFixture f = new SmtpFixture(SmtpFixture.Mode.TLS, TestCertificates.Kind.GOOD,
                new String[] {"TLSv1", "TLSv1.1"}, 0)) {
            CollectingSink sink = probe(f.target(), Map.of());
            assertThat(result(sink, "TLS 1.0").outcome()).as(ProbeFixtures.describe(sink)).isEqualTo("ok");
            assertThat(result(sink, "TLS 1.1").outcome()).isEqualTo("ok");
            assertThat(result(sink, "TLS 1.2").outcome()).isEqualTo("refused");
            assertThat(result(sink, "TLS 1.3").outcome()).isEqualTo("refused");
        }
    }

    @Test
    void expiredCertificateIsReportedNotRejected() throws Exception {
        try (SmtpFixture f = new SmtpFixture(SmtpFixture.Mode.TLS, TestCertificates.Kind.EXPIRED,
                new String[] {"TLSv1.2"}, 0)) {
            CollectingSink sink = probe(f.target(), Map.of("versions", "TLSv1.2"));
            assertThat(result(sink, "TLS 1.2").outcome()).isEqualTo("ok");
            assertThat(certificate(sink).expired()).isTrue();
            assertThat(certificate(sink).describe()).contains("EXPIRED");
        }
    }

    @Test
    void expiryIsJudgedAgainstTheRequestClock() throws Exception {
        try (SmtpFixture f = new SmtpFixture(SmtpFixture.Mode.TLS)) {
            Clock in2100 = Clock.fixed(Instant.parse("2100-01-01T00:00:00Z"), ZoneOffset.UTC);
            CollectingSink sink = probe(f.target(), Map.of("versions", "TLSv1.3"), in2100, null);
            assertThat(certificate(sink).expired()).isTrue();
        }
    }

    @Test
    void nameMismatchAndIpLiteralTargets() throws Exception {
        try (SmtpFixture f = new SmtpFixture(SmtpFixture.Mode.TLS, TestCertificates.Kind.MISMATCH,
                new String[] {"TLSv1.2"}, 0)) {
            ProbeCertificate byName = certificate(probe(f.target(), Map.of("versions", "TLSv1.2")));
            assertThat(byName.nameMatches()).isFalse();
            assertThat(byName.subjectAltNames()).contains("mail.example.test", "*.example.test");
            ProbeCertificate byIp = certificate(probe("127.0.0.1:" + f.port(), Map.of("versions", "TLSv1.2")));
            assertThat(byIp.nameMatches()).isNull();
        }
    }

    @Test
    void noStartTlsAdvertised() throws Exception {
        try (SmtpFixture f = new SmtpFixture(SmtpFixture.Mode.NO_STARTTLS)) {
            ProbeResult r = result(probe(f.target(), MODERN), "TLS 1.2");
            assertThat(r.outcome()).isEqualTo("not-offered");
            assertThat(r.starttlsOffered()).isFalse();
            assertThat(f.commands).doesNotContain("STARTTLS");
        }
    }

    @Test
    void startTlsRejectedKeepsTheExactReply() throws Exception {
        try (SmtpFixture f = new SmtpFixture(SmtpFixture.Mode.STARTTLS_454)) {
            ProbeResult r = result(probe(f.target(), MODERN), "TLS 1.3");
            assertThat(r.outcome()).isEqualTo("starttls-rejected");
            assertThat(r.detail()).isEqualTo("454 4.7.0 TLS not available due to local problem");
        }
    }

    @Test
    void closeAfterBanner() throws Exception {
        try (SmtpFixture f = new SmtpFixture(SmtpFixture.Mode.CLOSE_AFTER_BANNER)) {
            ProbeResult r = result(probe(f.target(), MODERN), "TLS 1.2");
            assertThat(r.outcome()).isEqualTo("reset");
            assertThat(r.detail()).contains("closed by peer", "EHLO");
        }
    }

    @Test
    void junkIsQuotedTruncated() throws Exception {
        try (SmtpFixture f = new SmtpFixture(SmtpFixture.Mode.JUNK)) {
            ProbeResult r = result(probe(f.target(), MODERN), "TLS 1.2");
            assertThat(r.outcome()).isEqualTo("error");
            assertThat(r.detail()).isEqualTo("unparseable reply to banner: \"HTTP/1.1 400 Bad Request\"");
        }
    }

    @Test
    void resetDuringHandshake() throws Exception {
        try (SmtpFixture f = new SmtpFixture(SmtpFixture.Mode.RESET_IN_HANDSHAKE)) {
            ProbeResult r = result(probe(f.target(), Map.of("versions", "TLSv1.2")), "TLS 1.2");
            assertThat(r.outcome()).as(r.describe()).isEqualTo("reset");
            assertThat(r.detail()).startsWith("connection ");
        }
    }

    @Test
    void tarpitEndsWithinTheBoundsPlusOneSecond() throws Exception {
        try (SmtpFixture f = new SmtpFixture(SmtpFixture.Mode.TARPIT)) {
            long start = System.nanoTime();
            CollectingSink sink = probe(f.target(), Map.of("replyTimeoutMs", "2000", "connectTimeoutMs", "1000",
                    "handshakeTimeoutMs", "1000"));
            long ms = (System.nanoTime() - start) / 1_000_000;
            // bound of one connection: connect 1 s + 5 replies x 2 s + handshake 1 s; the banner wait is the only one used
            assertThat(ms).isLessThan(1000 + 5 * 2000 + 1000 + 1000);
            assertThat(ms).isLessThan(2000 + 1000);
            for (ProbeResult r : results(sink)) {
                assertThat(r.outcome()).isEqualTo("timeout");
                assertThat(r.detail()).contains("no reply within 2 s", "banner");
            }
            assertThat(results(sink)).hasSize(4);
        }
    }

    @Test
    void requestTimeLimitCutsTheWholeProbe() throws Exception {
        try (SmtpFixture f = new SmtpFixture(SmtpFixture.Mode.TARPIT)) {
            long start = System.nanoTime();
            CollectingSink sink = probe(f.target(), Map.of("replyTimeoutMs", "5000"), null, Duration.ofMillis(700));
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1700);
            assertThat(result(sink, "TLS 1.0").detail()).contains("time limit");
        }
    }

    @Test
    void checkRequiredTlsSendsMailFromButNeverRcpt() throws Exception {
        try (SmtpFixture f = new SmtpFixture(SmtpFixture.Mode.REQUIRE_TLS)) {
            CollectingSink sink = probe(f.target(), Map.of("versions", "TLSv1.2", "checkRequiredTls", "true"));
            ProbeResult plain = result(sink, "none");
            assertThat(plain.outcome()).isEqualTo("plain-rejected");
            assertThat(plain.detail()).isEqualTo("530 5.7.0 Must issue a STARTTLS command first");
            assertThat(plain.source().detail()).contains("C: MAIL FROM:<>", "C: RSET", "C: QUIT");
            assertThat(f.commands).contains("MAIL FROM:<>", "RSET");
            assertThat(f.commands).noneMatch(c -> c.toUpperCase().startsWith("RCPT") || c.toUpperCase().startsWith("DATA")
                    || c.toUpperCase().startsWith("AUTH"));
        }
    }

    @Test
    void connectFailedOnAClosedPort() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        CollectingSink sink = probe("127.0.0.1:" + port, Map.of());
        assertThat(results(sink)).extracting(ProbeResult::outcome).containsOnly("connect-failed");
        assertThat(result(sink, "TLS 1.3").detail()).contains("not retried");
    }

    @Test
    void implicitTlsHandshakesBeforeTheBanner() throws Exception {
        try (SmtpFixture f = new SmtpFixture(SmtpFixture.Mode.IMPLICIT_TLS)) {
            CollectingSink sink = probe(f.target(), Map.of("implicitTls", "true", "versions", "TLSv1.2,TLSv1.3"));
            ProbeResult r = result(sink, "TLS 1.3");
            assertThat(r.outcome()).as(r.describe()).isEqualTo("ok");
            assertThat(r.starttlsOffered()).isNull();
            assertThat(r.authOffered()).isTrue();
            assertThat(r.source().detail()).doesNotContain("C: STARTTLS");
            assertThat(certificate(sink)).isNotNull();
        }
    }

    @Test
    void handshakeStallIsBoundedByTheWatchdog() throws Exception {
        try (SmtpFixture f = new SmtpFixture(SmtpFixture.Mode.STALL_IN_HANDSHAKE)) {
            long start = System.nanoTime();
            ProbeResult r = result(probe(f.target(), Map.of("versions", "TLSv1.2", "handshakeTimeoutMs", "1000")), "TLS 1.2");
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2000);
            assertThat(r.outcome()).isEqualTo("timeout");
            assertThat(r.detail()).isEqualTo("no handshake completion within 1 s (TLS handshake)");
        }
    }
}
