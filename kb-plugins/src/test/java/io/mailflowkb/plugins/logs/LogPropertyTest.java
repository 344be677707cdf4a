package io.mailflowkb.plugins.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflowkb.model.fact.TlsResult;
import io.mailflowkb.model.fact.EventRecord;
import io.mailflowkb.model.fact.Fact;
import io.mailflowkb.model.fact.Symptom;
import io.mailflowkb.model.fact.TlsOutcome;
import io.mailflowkb.model.spi.CollectingSink;
import io.mailflowkb.model.spi.InputKind;
import io.mailflowkb.plugins.events.EventCollector;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded property tests (plain JUnit: the seed is in the display name, so a failure is reproducible by seed).
 * (a) facts do not depend on how sessions interleave in a protocol log; (b) damaged input never throws.
 */
class LogPropertyTest {

    @TempDir
    Path tmp;

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    /** What must be equal between runs: everything but line numbers and the sample text. */
    static List<String> signature(List<Fact> facts) {
        return facts.stream().map(f -> {
            if (f instanceof TlsOutcome t) {
                return "tls " + t.direction() + " " + t.peerClass() + " " + t.connector() + " " + t.protocol() + " "
                        + t.result() + " " + t.error() + " " + t.cipher() + " n=" + t.count() + " " + t.firstSeen()
                        + ".." + t.lastSeen();
            }
            if (f instanceof Symptom s) {
                return "sym " + s.id() + " " + s.direction() + " " + s.peerClass() + " " + s.connector() + " n="
                        + s.count() + " " + s.firstSeen() + ".." + s.lastSeen();
            }
            return f.toString();
        }).sorted().toList();
    }

    private CollectingSink collect(String name, byte[] content) throws Exception {
        Path f = tmp.resolve(name);
        Files.write(f, content);
        return TestSymptoms.logs(f);
    }

    private static byte[] log(List<String> lines) {
        return (ProtocolLogGenerator.HEADER + String.join("", lines)).getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void factsDoNotDependOnInterleaving(long seed) throws Exception {
        Random rnd = new Random(seed * 31 + 7);
        List<ProtocolLogGenerator.Session> sessions = new ProtocolLogGenerator(seed).sessions(1 + rnd.nextInt(14));
        List<String> expected = signature(collect("seq.log", log(ProtocolLogGenerator.sequential(sessions))).facts());
        List<String> mixed = signature(collect("mix.log",
                log(ProtocolLogGenerator.interleaved(sessions, rnd))).facts());
        assertThat(mixed).isEqualTo(expected);
        long failures = sessions.stream().filter(s -> s.lines().stream()
                .anyMatch(l -> l.contains("TLS negotiation failed"))).count();
        long failedFacts = collect("seq2.log", log(ProtocolLogGenerator.sequential(sessions))).facts().stream()
                .filter(f -> f instanceof TlsOutcome t && t.result() == TlsResult.FAILED)
                .mapToLong(f -> ((TlsOutcome) f).count()).sum();
        assertThat(failedFacts).isEqualTo(failures);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void damagedInputNeverThrows(long seed) throws Exception {
        Random rnd = new Random(seed);
        byte[] good = log(ProtocolLogGenerator.sequential(new ProtocolLogGenerator(seed).sessions(3)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int mode = (int) (seed % 6);
        switch (mode) {
            case 0 -> { // random bytes
                byte[] b = new byte[rnd.nextInt(20_000)];
                rnd.nextBytes(b);
                out.write(b);
            }
            case 1 -> out.write(good, 0, rnd.nextInt(good.length)); // truncated anywhere
            case 2 -> { // junk lines, invalid UTF-8, lone CRs mixed in
                for (String line : new String(good, StandardCharsets.UTF_8).split("\n")) {
                    out.write(line.getBytes(StandardCharsets.UTF_8));
                    int r = rnd.nextInt(6);
                    if (r == 0) {
                        out.write(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, ',', '"'});
                    } else if (r == 1) {
                        out.write("\r\r,,,,,,,,,,,,,,*,\"unterminated".getBytes(StandardCharsets.UTF_8));
                    }
                    out.write(rnd.nextBoolean() ? '\n' : '\r');
                }
            }
            case 3 -> { // mutate random bytes of a good log
                byte[] b = good.clone();
                for (int i = 0; i < 1 + rnd.nextInt(50); i++) {
                    b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
                }
                out.write(b);
            }
            case 4 -> { // a very long line in the middle (5 MB for some seeds)
                out.write(good, 0, good.length / 2);
                int len = seed % 24 == 4 ? 5 * 1024 * 1024 : 200_000;
                byte[] longLine = new byte[len];
                Arrays.fill(longLine, (byte) 'x');
                System.arraycopy("TLS negotiation failed with error SocketError ".getBytes(StandardCharsets.UTF_8),
                        0, longLine, 10, 46);
                out.write(longLine);
                out.write('\n');
                out.write(good, good.length / 2, good.length - good.length / 2);
            }
            default -> { // NDR-looking and event-looking garbage
                out.write(("Content-Type: multipart/report; boundary=\"b\"\nMIME-Version: 1.0\n\n--b\n"
                        + "Content-Transfer-Encoding: quoted-printable\n\n421 4.4.2 Connection dropped due to Socket=\n"
                        + "Error=\n--b--\n--b\n=ZZ=\n").getBytes(StandardCharsets.UTF_8));
                byte[] b = new byte[rnd.nextInt(500)];
                rnd.nextBytes(b);
                out.write(b);
            }
        }
        byte[] bytes = out.toByteArray();
        CollectingSink s = collect("damaged-" + seed + ".log", bytes);
        assertThat(s.inputs()).hasSize(1);
        for (Fact f : s.facts()) {
            assertThat(f.source().source()).startsWith("damaged-");
        }
        // the same bytes as an events export never throw either
        Path ev = Files.write(tmp.resolve("ev-" + seed + ".xml"), mode == 0 ? bytes
                : ("<Event><System><Provider Name='Schannel'/><EventID>36887</EventID></System>"
                + new String(bytes, 0, Math.min(bytes.length, 3000), StandardCharsets.ISO_8859_1))
                .getBytes(StandardCharsets.UTF_8));
        CollectingSink e = TestSymptoms.run(new EventCollector(), InputKind.EVENTS, ev, TestSymptoms.SEED);
        assertThat(e.inputs()).hasSize(1);
        assertThat(e.facts()).allSatisfy(f -> assertThat(f).isInstanceOfAny(EventRecord.class, Symptom.class));
    }
}
