package io.mailflowkb.plugins.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflowkb.model.fact.Fact;
import io.mailflowkb.model.spi.CollectingSink;
import io.mailflowkb.model.spi.Claim;
import io.mailflowkb.model.spi.FactCollector;
import io.mailflowkb.model.spi.InputKind;
import io.mailflowkb.model.spi.Request;
import io.mailflowkb.plugins.events.EventCollector;
import io.mailflowkb.plugins.logs.LogCollector;
import io.mailflowkb.plugins.logs.TestSymptoms;
import io.mailflowkb.plugins.registry.RegistryCollector;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every input kind gives the same facts in every encoding Windows writes: the real corpus files (registry exports,
 * reg query output, protocol and tracking logs, queue text, NDRs, event exports) are re-encoded at run time as
 * UTF-8 with and without BOM, UTF-16LE and UTF-16BE with and without BOM and windows-1252 (when the text fits),
 * then claimed and read through the shared decoding. A seeded generator also cuts the text at random line
 * boundaries, so the UTF-16 detection without a mark sees many different heads.
 */
class EncodingPropertyTest {

    private static final List<String> FILES = List.of(
            "corpus/reg/PsSsl_schannel.reg", "corpus/reg/natthasath_Enable-TLS12.reg",
            "corpus/reg/sfb-docs_TLSPreReq.reg", "fixtures/regquery-netfx.txt",
            "fixtures/regquery-schannel-protocols-s.txt", "fixtures/host-profile-exchange2016.reg",
            "fixtures/logs/SEND20240301-1.LOG", "fixtures/logs/RECV20240301-1.LOG", "fixtures/logs/MSGTRK20240301-1.LOG",
            "fixtures/logs/queue-lasterror.txt", "fixtures/logs/app.log",
            "corpus/exchange-logs/officedocs-support_KB4051498_send-log-UnknownCredentials.md",
            "corpus/ndr/sisimai_lhost-office365-06.eml", "corpus/ndr/officedocs-support_socketerror-symptoms.md",
            "fixtures/events/wevtutil-schannel.xml", "fixtures/events/getwinevent.json",
            "corpus/events/sf-tsg_schannel-36870_eventviewer-copy-with-xml.txt");

    private static final List<FactCollector> COLLECTORS = List.of(new EventCollector(), new LogCollector(),
            new RegistryCollector());

    record Encoded(String label, byte[] bytes) {
    }

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        long seed = 20261201L;
        Random r = new Random(seed);
        for (String file : FILES) {
            for (int i = 0; i < 2; i++) {
                long s = r.nextLong();
                all.add(Arguments.of(file + " seed=" + s, file, s));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sameFactsInEveryEncoding(String name, String file, long seed) throws IOException {
        String text = text(resource(file));
        String cut = cut(text, new Random(seed));
        Result expected = read(cut.getBytes(StandardCharsets.UTF_8));
        assertThat(expected.claim().claimed()).as("the UTF-8 text is claimed").isTrue();
        for (Encoded e : encodings(cut)) {
            Result got = read(e.bytes());
            assertThat(got.claim()).as(e.label()).isEqualTo(expected.claim());
            assertThat(got.facts()).as(e.label()).containsExactlyElementsOf(expected.facts());
        }
    }

    /** The whole text, or (half of the seeds) its first lines up to a random line boundary. */
    private static String cut(String text, Random r) {
        if (r.nextBoolean()) {
            return text;
        }
        List<String> lines = text.lines().toList();
        int keep = Math.max(Math.min(lines.size(), 12), 1 + r.nextInt(lines.size()));
        return String.join("\r\n", lines.subList(0, keep)) + "\r\n";
    }

    record Result(Claim claim, List<Fact> facts) {
    }

    private static Result read(byte[] bytes) throws IOException {
        WalkedFile f = WalkedFile.of("input", bytes);
        ContentDetection.Assignment a = ContentDetection.best(COLLECTORS, f);
        if (a == null) {
            return new Result(Claim.NONE, List.of());
        }
        CollectingSink sink = new CollectingSink(a.collector().id());
        InputKind kind = a.collector().accepts().contains(InputKind.REGISTRY) ? InputKind.REGISTRY
                : a.collector().accepts().iterator().next();
        a.collector().collect(new Request(kind, null, null, "input", Map.of("threads", "1", "progress", "false"),
                TestSymptoms.SEED_SET, null, null, List.of(f)), sink);
        return new Result(a.claim(), sink.facts());
    }

    static List<Encoded> encodings(String text) {
        List<Encoded> out = new ArrayList<>();
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.add(new Encoded("UTF-8", utf8));
        out.add(new Encoded("UTF-8 with BOM", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8)));
        out.add(new Encoded("UTF-16LE with BOM", concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                text.getBytes(StandardCharsets.UTF_16LE))));
        out.add(new Encoded("UTF-16LE", text.getBytes(StandardCharsets.UTF_16LE)));
        out.add(new Encoded("UTF-16BE with BOM", concat(new byte[] {(byte) 0xFE, (byte) 0xFF},
                text.getBytes(StandardCharsets.UTF_16BE))));
        out.add(new Encoded("UTF-16BE", text.getBytes(StandardCharsets.UTF_16BE)));
        Charset ansi = TextEncoding.WINDOWS_1252;
        if (ansi.newEncoder().canEncode(text)) {
            out.add(new Encoded("windows-1252", text.getBytes(ansi)));
        }
        return out;
    }

    static String text(byte[] raw) {
        TextEncoding e = TextEncoding.detect(raw, raw.length);
        String t = e.charset().decode(ByteBuffer.wrap(raw, e.bom(), raw.length - e.bom())).toString();
        return t;
    }

    static byte[] resource(String path) throws IOException {
        try (InputStream in = EncodingPropertyTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
