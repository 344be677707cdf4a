package io.mailflowkb.plugins.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailflowkb.model.InvalidInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Targets, options, SMTP replies and certificate name matching, without the network. */
class ProbeParsingTest {

    @ParameterizedTest
    @CsvSource({
        "mx.contoso.com, mx.contoso.com, 25, false, mx.contoso.com:25",
        "smtp.office365.com:587, smtp.office365.com, 587, false, smtp.office365.com:587",
        "127.0.0.1:2525, 127.0.0.1, 2525, true, 127.0.0.1:2525",
        "[::1]:25, ::1, 25, true, [::1]:25",
        "[2001:db8::1], 2001:db8::1, 25, true, [2001:db8::1]:25",
    })
    void targets(String in, String host, int port, boolean ip, String display) {
        ProbeTarget t = ProbeTarget.parse(in);
        assertThat(t).isEqualTo(new ProbeTarget(host, port, ip));
        assertThat(t.display()).isEqualTo(display);
        assertThat(t.source()).isEqualTo("probe:" + display);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "host:0", "host:70000", "host:x", "::1", "[::1", "[host]:25", "a b:25", "host:25:1"})
    void badTargetsAreInvalidInput(String in) {
        assertThatThrownBy(() -> ProbeTarget.parse(in)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void optionDefaultsAndParsing() {
        ProbeOptions d = ProbeOptions.from(Map.of("ehlo", "me.kb.test"), "t");
        assertThat(d.versions()).containsExactly("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");
        assertThat(List.of(d.connectTimeoutMs(), d.replyTimeoutMs(), d.handshakeTimeoutMs())).containsOnly(5000);
        assertThat(d.implicitTls()).isFalse();
        assertThat(d.checkRequiredTls()).isFalse();
        ProbeOptions o = ProbeOptions.from(Map.of("versions", "1.2, TLSv1.3,tls1.2", "implicitTls", "true",
                "replyTimeoutMs", "2000"), "t");
        assertThat(o.versions()).containsExactly("TLSv1.2", "TLSv1.3");
        assertThat(o.implicitTls()).isTrue();
        assertThat(o.replyTimeoutMs()).isEqualTo(2000);
        assertThat(ProbeOptions.from(Map.of(), "t").ehlo()).isNotBlank();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"versions|SSLv3", "replyTimeoutMs|0", "replyTimeoutMs|soon",
            "implicitTls|maybe", "ehlo|a b\r\nRCPT TO:<x@y>"})
    void badOptionsAreInvalidInput(String name, String value) {
        assertThatThrownBy(() -> ProbeOptions.from(Map.of(name, value), "probe:x:25"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining(name);
    }

    @Test
    void ehloKeywords() {
        SmtpReply r = new SmtpReply(250, List.of("mx.kb.test Hello", "PIPELINING", "STARTTLS", "AUTH LOGIN PLAIN",
                "AUTH=LOGIN"));
        assertThat(r.hasKeyword("STARTTLS")).isTrue();
        assertThat(r.keywordLine("AUTH")).isEqualTo("LOGIN PLAIN");
        assertThat(r.hasKeyword("CHUNKING")).isFalse();
        assertThat(new SmtpReply(250, List.of("STARTTLS")).hasKeyword("STARTTLS")).as("greeting line is no keyword").isFalse();
        assertThat(new SmtpReply(454, List.of("4.7.0 TLS not available due to local problem")).text())
                .isEqualTo("454 4.7.0 TLS not available due to local problem");
    }

    @ParameterizedTest
    @CsvSource({
        "mail.contoso.com, mail.contoso.com, true",
        "MAIL.contoso.com., mail.contoso.com, true",
        "mail.contoso.com, *.contoso.com, true",
        "a.b.contoso.com, *.contoso.com, false",
        "contoso.com, *.contoso.com, false",
        "mail.contoso.com, *.com, false",
        "mail.fabrikam.com, mail.contoso.com, false",
    })
    void certificateNameMatching(String host, String pattern, boolean expected) {
        assertThat(CertificateSummary.matches(host.toLowerCase().replaceAll("\\.$", ""), pattern)).isEqualTo(expected);
    }

    @Test
    void legacyVersionsGetCbcSha1SuitesOnly() {
        String[] supported = {"TLS_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_DH_anon_WITH_AES_128_CBC_SHA"};
        String[] defaults = {"TLS_AES_128_GCM_SHA256"};
        assertThat(LegacyTlsSupport.suitesFor(supported, defaults, "TLSv1"))
                .containsExactly("TLS_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_128_CBC_SHA");
        assertThat(LegacyTlsSupport.suitesFor(supported, defaults, "TLSv1.2")).containsExactly("TLS_AES_128_GCM_SHA256");
    }

    @Test
    void junkIsQuotedPrintableAndTruncated() {
        assertThat(SmtpConversation.quote("a\u0000b\u00ff")).isEqualTo("a\\x00b\\xff");
        assertThat(SmtpConversation.quote("x".repeat(200))).hasSize(83).endsWith("...");
    }

    @Test
    void transcriptIsCapped() {
        SmtpConversation conv = new SmtpConversation(1000, Long.MAX_VALUE);
        for (int i = 0; i < 1000; i++) {
            conv.note("S: 250-" + "x".repeat(60));
        }
        assertThat(conv.transcript().length()).isLessThanOrEqualTo(SmtpConversation.TRANSCRIPT_CAP + 64);
        assertThat(conv.transcript()).endsWith("[transcript truncated at 16 KiB]");
    }
}
