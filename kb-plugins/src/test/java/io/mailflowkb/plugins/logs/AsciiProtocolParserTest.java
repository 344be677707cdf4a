package io.mailflowkb.plugins.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The byte-level parse of protocol log lines against the String path it stands for (decode, {@link CsvSplitter},
 * {@code ProtocolLogReader.parse}) over seeded random ASCII lines: quoted fields with commas, doubled quotes,
 * text after a closing quote and unclosed quotes, whitespace and control characters that {@code strip} removes,
 * blank session ids, odd events, too few and too many fields, cut lines, CR left inside a line, and columns in
 * another order or missing. Where the byte parse answers, the line must be equal in every component.
 */
class AsciiProtocolParserTest {

    private static final String[][] VALUES = {
            {"2024-03-01T10:00:00.123Z", " 2024-03-01T10:00:00.123Z\t", "2024-03-01 10:00:00", "<time>", "", "2024-3-1"},
            {"Internet Mail", " Outbound to Office 365 ", "EX01\\Default Frontend EX01", "", "\u001C"},
            {"08DC39A100000001", "08DC39A100000002", "  ", "", "\u000B08DC\u001F", "x"},
            {"0", "12", ""},
            {"10.0.0.5:25000", "", " 10.0.0.5:1 "},
            {"104.47.1.10:25", "[2001:db8::1]:25", "", " 198.51.100.7:25 "},
            {"+", "-", "<", ">", "*", "x", "", "**", " *", "-"},
            {"220 mx.example Microsoft ESMTP MAIL Service ready", "STARTTLS", "", "250  a, b", "451 5.7.3 Must issue",
                    " EHLO mail.contoso.com ", "q\"q"},
            {TlsTextTest.SUCCESS_LINE, "Local", "", "TLS negotiation failed with error SocketError", "a,b,c", "\r"}};

    static String field(Random rnd, String v) {
        return switch (rnd.nextInt(30)) {
            case 0 -> '"' + v + '"';
            case 1 -> '"' + v.replace("a", "\"\"a") + '"';         // doubled quotes
            case 2 -> '"' + v + "\"tail";                          // text after the closing quote
            case 3 -> '"' + v;                                     // never closed
            case 4 -> v + rnd.nextInt(10);
            default -> v.indexOf(',') >= 0 && rnd.nextBoolean() ? '"' + v + '"' : v;
        };
    }

    /** A line whose fields hold values of the columns {@code index} puts there (random ones elsewhere). */
    static String randomLine(Random rnd, int[] index, int width) {
        StringBuilder b = new StringBuilder();
        int fields = width + rnd.nextInt(5) - 2;
        for (int f = 0; f < fields; f++) {
            int column = rnd.nextInt(VALUES.length);
            for (int c = 0; c < index.length; c++) {
                column = index[c] == f ? c : column;
            }
            String[] pool = VALUES[column];
            if (f > 0) {
                b.append(',');
            }
            b.append(field(rnd, pool[rnd.nextInt(pool.length)]));
        }
        String line = b.toString();
        if (rnd.nextInt(8) == 0) {
            line = line.substring(0, rnd.nextInt(line.length() + 1)); // cut
        }
        if (rnd.nextInt(6) == 0 && !line.isEmpty()) {
            String noise = ",\" \t\u001F\r\u007F#";
            int at = rnd.nextInt(line.length());
            line = line.substring(0, at) + noise.charAt(rnd.nextInt(noise.length())) + line.substring(at);
        }
        return line;
    }

    /** The documented order, or the columns shuffled into a wider header, some of them missing. */
    static int[] randomIndex(Random rnd, int width) {
        int[] index = {0, 1, 2, 3, 4, 5, 6, 7, 8};
        if (width == 9 && rnd.nextBoolean()) {
            return index;
        }
        List<Integer> slots = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            slots.add(i);
        }
        Collections.shuffle(slots, rnd);
        for (int c = 0; c < index.length; c++) {
            index[c] = c != 2 && c != 6 && rnd.nextInt(6) == 0 ? -1 : slots.get(c);
        }
        return index;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {21, 22, 23, 24, 25, 26, 27, 28})
    void byteParseEqualsTheStringPath(long seed) {
        Random rnd = new Random(seed);
        AsciiProtocolParser parser = new AsciiProtocolParser();
        int parsed = 0;
        int byBytes = 0;
        for (int round = 0; round < 20_000; round++) {
            int width = 9 + rnd.nextInt(3);
            int[] index = randomIndex(rnd, width);
            String line = randomLine(rnd, index, width);
            byte[] padded = ("pad" + line + "\r\n").getBytes(StandardCharsets.US_ASCII);
            ProtocolLine expected = ProtocolLogReader.parse(line, index, width, round);
            ProtocolLine got = parser.parse(padded, 3, line.length(), index, width, round);
            parsed += expected != null ? 1 : 0;
            if (got != null) {
                byBytes++;
                assertThat(got).as("%s %s", line, java.util.Arrays.toString(index)).isEqualTo(expected);
            }
        }
        // most lines that parse must take the byte path, or it proves little
        assertThat(parsed).isGreaterThan(3000);
        assertThat(byBytes).isGreaterThan(parsed / 3);
    }
}
