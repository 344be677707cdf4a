package io.mailflowkb.plugins.testssl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailflowkb.model.InvalidInputException;
import io.mailflowkb.model.fact.ProbeResult;
import io.mailflowkb.model.spi.CollectingSink;
import io.mailflowkb.model.spi.InputKind;
import io.mailflowkb.model.spi.Request;
import io.mailflowkb.plugins.input.WalkedFile;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saved real testssl.sh output (flat and pretty JSON) read into one probe result per TLS version. */
class TestsslImportTest {

    @TempDir
    Path dir;

    static byte[] resource(String name) throws Exception {
        try (InputStream in = TestsslImportTest.class.getResourceAsStream("/testssl/" + name)) {
            return in.readAllBytes();
        }
    }

    CollectingSink collect(String name, byte[] bytes) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        TestsslCollector c = new TestsslCollector();
        assertThat(c.claim(WalkedFile.of(name, bytes)).claimed()).isTrue();
        CollectingSink sink = new CollectingSink(TestsslCollector.ID);
        c.collect(new Request(InputKind.LOGS, f, null, name, null, null, null, null), sink);
        return sink;
    }

    static List<String> outcomes(CollectingSink sink) {
        return sink.facts().stream().map(ProbeResult.class::cast).map(r -> r.tlsVersion() + " " + r.outcome()).toList();
    }

    @Test
    void flatJsonOfTheLegacyPeer() throws Exception {
        CollectingSink sink = collect("legacy.json", resource("postfix-legacy-flat.json"));
        assertThat(outcomes(sink)).containsExactly("TLS 1.0 ok", "TLS 1.1 ok", "TLS 1.2 refused", "TLS 1.3 refused");
        ProbeResult tls12 = (ProbeResult) sink.facts().get(2);
        assertThat(tls12.target()).isEqualTo("127.0.0.1:12525");
        assertThat(tls12.detail()).isEqualTo("testssl.sh: not offered and downgraded to a weaker protocol");
        assertThat(tls12.source().line()).isEqualTo(58); // the line where its JSON object starts
        assertThat(tls12.source().detail()).isEqualTo("testssl.sh TLS1_2 MEDIUM not offered and downgraded to a weaker protocol");
    }

    @Test
    void prettyJsonOfTheModernPeer() throws Exception {
        CollectingSink sink = collect("modern.json", resource("postfix-modern-pretty.json"));
        assertThat(outcomes(sink)).containsExactly("TLS 1.0 refused", "TLS 1.1 refused", "TLS 1.2 ok", "TLS 1.3 ok");
        assertThat(((ProbeResult) sink.facts().get(3)).target()).isEqualTo("127.0.0.1:12526");
    }

    @Test
    void otherJsonIsNotClaimedAndBrokenJsonNamesTheLine() throws Exception {
        TestsslCollector c = new TestsslCollector();
        assertThat(c.claim(WalkedFile.of("x.json", "[{\"Name\": \"x\", \"TlsCertificateName\": null}]"
                .getBytes(StandardCharsets.UTF_8))).claimed()).isFalse();
        byte[] cut = new String(resource("postfix-legacy-flat.json"), StandardCharsets.UTF_8).substring(0, 900)
                .getBytes(StandardCharsets.UTF_8);
        Path f = dir.resolve("cut.json");
        Files.write(f, cut);
        assertThatThrownBy(() -> c.collect(new Request(InputKind.LOGS, f, null, "cut.json", null, null, null, null),
                new CollectingSink(TestsslCollector.ID)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("cut.json");
    }
}
