package io.mailflowkb.plugins.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.mailflowkb.model.InvalidInputException;
import io.mailflowkb.model.fact.Fact;
import io.mailflowkb.model.fact.RegistryKey;
import io.mailflowkb.model.fact.RegistryValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded property tests (no jqwik in this project): each seed builds a random registry tree, writes it the ways
 * Windows and editors do, and checks the collector reads back exactly the tree. A failing seed replays alone.
 */
class RoundTripPropertyTest {

    private static final int SEEDS = 200;

    @TempDir
    Path dir;

    static Stream<Long> seeds() {
        return LongStream.range(0, SEEDS).map(i -> 0x5EED0000L + i).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void regeditUtf16Crlf(long seed) throws IOException {
        List<RegTreeWriter.Key> tree = RegTreeWriter.randomTree(new Random(seed), "Gen" + seed);
        byte[] bytes = RegTreeWriter.utf16WithBom(RegTreeWriter.regFile(tree, true, "  "));
        check(tree, CollectorHarness.collect(dir, "gen-" + seed + ".reg", bytes), true);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void utf8Lf(long seed) throws IOException {
        List<RegTreeWriter.Key> tree = RegTreeWriter.randomTree(new Random(seed), "Gen" + seed);
        byte[] bytes = RegTreeWriter.regFile(tree, false, seed % 2 == 0 ? "" : "    ").getBytes(StandardCharsets.UTF_8);
        check(tree, CollectorHarness.collect(dir, "gen-" + seed + "-utf8.reg", bytes), true);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void regQueryS(long seed) throws IOException {
        List<RegTreeWriter.Key> tree = RegTreeWriter.randomTree(new Random(seed), "Gen" + seed);
        String text = RegTreeWriter.regQuery(tree);
        byte[] bytes = seed % 2 == 0 ? RegTreeWriter.utf16WithBom(text) : text.getBytes(StandardCharsets.UTF_8);
        check(tree, CollectorHarness.collect(dir, "gen-" + seed + "-query.txt", bytes), true);
    }

    /** Damaged input: only facts and warnings, or an InvalidInputException naming the file; nothing else. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void mutationsNeverEscape(long seed) throws IOException {
        Random r = new Random(seed);
        List<RegTreeWriter.Key> tree = RegTreeWriter.randomTree(r, "Gen" + seed);
        List<byte[]> inputs = new ArrayList<>();
        inputs.add(RegTreeWriter.utf16WithBom(RegTreeWriter.regFile(tree, true, "  ")));
        inputs.add(RegTreeWriter.regFile(tree, false, "").getBytes(StandardCharsets.UTF_8));
        inputs.add(RegTreeWriter.regQuery(tree).getBytes(StandardCharsets.UTF_8));
        byte[] random = new byte[r.nextInt(300)];
        r.nextBytes(random);
        survives(seed, "random", random);
        // one format per seed keeps the class fast; over 200 seeds each format gets ~67 rounds
        byte[] original = inputs.get((int) (seed % inputs.size()));
        survives(seed, "truncated", Arrays.copyOf(original, r.nextInt(original.length + 1)));
        survives(seed, "flipped", flip(r, original));
        survives(seed, "junk-lines", junkLines(r, original));
    }

    private void survives(long seed, String kind, byte[] bytes) throws IOException {
        String name = "mut-" + seed + "-" + kind + ".reg";
        Throwable t = catchThrowable(() -> CollectorHarness.collect(dir, name, bytes));
        if (t != null) {
            assertThat(t).as("seed %d %s", seed, kind).isExactlyInstanceOf(InvalidInputException.class);
            assertThat(t.getMessage()).startsWith(name).doesNotContain("could not be read as a registry export (");
        }
    }

    private static byte[] flip(Random r, byte[] original) {
        byte[] b = original.clone();
        for (int i = 1 + r.nextInt(8); i > 0 && b.length > 0; i--) {
            b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
        }
        return b;
    }

    private static byte[] junkLines(Random r, byte[] original) {
        String[] junk = {"garbage here\n", "\"Enabled\"=dword:123456789\n", "[HKEY_LOCAL_MACHINE\\x] tail\n",
            "\"x\"=hex(7):00,\\\n", "\"y\"=hex:zz\n", "[-]\n", "@=\"unterminated\n", "    a    REG_DWORD    zz\n",
            "HKEY_CURRENT_USER\\Foo\n", "\"n\"=hex(b):01\n", "\"q\"=\"a\" junk\n", "[\n", "\"z\"=dword:\n"};
        int at = r.nextInt(original.length + 1);
        byte[] insert = junk[r.nextInt(junk.length)].getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[original.length + insert.length];
        System.arraycopy(original, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(original, at, out, at + insert.length, original.length - at);
        return out;
    }

    private static void check(List<RegTreeWriter.Key> tree, RecordingSink sink, boolean subtree) {
        assertThat(sink.warnings).isEmpty();
        List<String> actual = new ArrayList<>();
        for (Fact f : sink.facts) {
            if (f instanceof RegistryKey k) {
                assertThat(k.subtree()).isEqualTo(subtree);
                assertThat(k.deleted()).isFalse();
                actual.add("K|" + k.key());
            } else if (f instanceof RegistryValue v) {
                actual.add("V|" + v.key() + "|" + v.name() + "|" + v.type() + "|" + v.data());
            }
        }
        assertThat(actual).containsExactlyElementsOf(RegTreeWriter.expected(tree));
    }
}
