package io.mailflowkb.plugins.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The byte-level UTF-16 path must give exactly the bytes of the JDK path it replaced (decoder with REPLACE, then
 * a UTF-8 encoder): over seeded random text mixing ASCII runs, Latin-1, CJK, surrogate pairs, lone and reversed
 * surrogates, odd lengths, and reads cut at random sizes.
 */
class Utf16TranscoderTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
    void sameBytesAsTheJdkDecoderAndEncoder(long seed) throws IOException {
        Random rnd = new Random(seed);
        for (int round = 0; round < 60; round++) {
            boolean big = rnd.nextBoolean();
            byte[] utf16 = randomUtf16(rnd, big);
            TextEncoding enc = big ? TextEncoding.UTF16BE : TextEncoding.UTF16LE;
            byte[] expected = drain(new Utf8Transcoder(TextDecoding.reader(new ByteArrayInputStream(utf16), enc)), rnd);
            byte[] actual = drain(new Utf16Transcoder(choppy(utf16, rnd), big), rnd);
            assertThat(actual).as("seed %d round %d, %s, %d bytes", seed, round, big ? "BE" : "LE", utf16.length)
                    .isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"'41 00 42 00', 'AB'", "'41', '\uFFFD'", "'41 00 42', 'A\uFFFD'", "'00 D8 41 00', '\uFFFD'",
            "'00 DC 41 00', '\uFFFDA'", "'00 D8', '\uFFFD'", "'00 D8 41', '\uFFFD'", "'3D D8 00 DE', '\uD83D\uDE00'",
            "'FE FF 41 00', '\uFFFEA'"})
    void malformedInputBecomesWhatTheJdkGives(String hex, String text) throws IOException {
        String[] parts = hex.split(" ");
        byte[] b = new byte[parts.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        byte[] expected = drain(new Utf8Transcoder(TextDecoding.reader(new ByteArrayInputStream(b),
                TextEncoding.UTF16LE)), new Random(0));
        assertThat(new String(expected, StandardCharsets.UTF_8)).isEqualTo(text); // the JDK's answer, as written
        assertThat(drain(new Utf16Transcoder(new ByteArrayInputStream(b), false), new Random(0))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"UTF-16LE with BOM", "UTF-16BE with BOM"})
    void theUtf8ViewSkipsTheMark(String label) throws IOException {
        boolean big = label.contains("BE");
        byte[] text = "#Fields: date-time,x\r\nä,€\r\n".getBytes(big ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[text.length + 2];
        withBom[0] = (byte) (big ? 0xFE : 0xFF);
        withBom[1] = (byte) (big ? 0xFF : 0xFE);
        System.arraycopy(text, 0, withBom, 2, text.length);
        TextEncoding enc = big ? TextEncoding.UTF16BE_BOM : TextEncoding.UTF16LE_BOM;
        assertThat(drain(TextDecoding.utf8(new ByteArrayInputStream(withBom), enc), new Random(1)))
                .isEqualTo("#Fields: date-time,x\r\nä,€\r\n".getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] randomUtf16(Random rnd, boolean big) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int units = rnd.nextInt(rnd.nextBoolean() ? 40 : 70_000);
        for (int u = 0; u < units; u++) {
            int kind = rnd.nextInt(100);
            char c;
            if (kind < 80) {
                c = (char) (0x20 + rnd.nextInt(0x5F)); // ASCII runs, as in logs
            } else if (kind < 85) {
                c = (char) (0x80 + rnd.nextInt(0x780));
            } else if (kind < 90) {
                c = (char) (0x800 + rnd.nextInt(0xD000));
            } else if (kind < 94) {
                int cp = 0x10000 + rnd.nextInt(0x100000);
                unit(b, Character.highSurrogate(cp), big);
                c = Character.lowSurrogate(cp);
            } else if (kind < 97) {
                c = (char) (0xD800 + rnd.nextInt(0x800)); // a lone surrogate of either half
            } else {
                c = rnd.nextBoolean() ? '\uFFFE' : '\uFEFF';
            }
            unit(b, c, big);
        }
        if (rnd.nextInt(4) == 0) {
            b.write(rnd.nextInt(256)); // an odd byte at the end
        }
        return b.toByteArray();
    }

    private static void unit(ByteArrayOutputStream b, char c, boolean big) {
        b.write(big ? c >> 8 : c & 0xFF);
        b.write(big ? c & 0xFF : c >> 8);
    }

    /** A stream that hands out its bytes in random small pieces, as pipes and inflaters do. */
    private static InputStream choppy(byte[] data, Random rnd) {
        long seed = rnd.nextLong();
        return new FilterInputStream(new ByteArrayInputStream(data)) {
            private final Random r = new Random(seed);

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.max(1, Math.min(len, r.nextBoolean() ? 1 + r.nextInt(7) : len)));
            }
        };
    }

    private static byte[] drain(InputStream in, Random rnd) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 + rnd.nextInt(9000)];
        try (in) {
            for (int n; (n = in.read(buf, 0, buf.length)) >= 0; ) {
                out.write(buf, 0, n);
            }
        }
        return out.toByteArray();
    }
}
