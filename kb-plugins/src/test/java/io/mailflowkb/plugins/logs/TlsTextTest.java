package io.mailflowkb.plugins.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hand reading of TLS lines against the two regexes that define it, over seeded random text built from the
 * real line's parts: case changes, parts missing or repeated, word characters glued to the parts (where the
 * regex must backtrack into a run), line terminators in the gaps, non-ASCII look-alikes, cut lines.
 */
class TlsTextTest {

    static final String SUCCESS_LINE = "TLS protocol SP_PROT_TLS1_2_CLIENT negotiation succeeded using bulk "
            + "encryption algorithm CALG_AES_256 with strength 256 bits, MAC hash algorithm CALG_SHA_384 with "
            + "strength 0 bits and key exchange algorithm CALG_ECDHE with strength 384 bits";

    private static final String[] PIECES = {"TLS protocol SP_PROT", "_", "-", "TLS1_2", "TLS1_0", "SSL3", "_CLIENT",
            "_SERVER", " negotiation succeeded using bulk encryption algorithm ", "CALG_AES_256", " with strength 256 bits",
            ", ", "MAC hash algorithm ", "CALG_SHA_384", "key exchange algorithm ", "CALG_ECDHE", " ", "x", "9", ".",
            "\r", "\n", "\u0085", "\u2028", "\u212A", "\u017F", "é", "TLS negotiation failed with error ", "SocketError",
            "Unknown.Credentials..", "-", "...", "\"", "tls", SUCCESS_LINE, SUCCESS_LINE};

    static String randomText(Random rnd) {
        StringBuilder b = new StringBuilder();
        if (rnd.nextInt(4) == 0) {
            b.append(SUCCESS_LINE);
        }
        for (int k = rnd.nextInt(14); k > 0; k--) {
            String p = PIECES[rnd.nextInt(PIECES.length)];
            b.append(switch (rnd.nextInt(6)) {
                case 0 -> p.toUpperCase(Locale.ROOT);
                case 1 -> p.toLowerCase(Locale.ROOT);
                default -> p;
            });
        }
        String s = b.toString();
        for (int k = rnd.nextInt(3); k > 0 && !s.isEmpty(); k--) {
            int at = rnd.nextInt(s.length());
            s = switch (rnd.nextInt(3)) {
                case 0 -> s.substring(0, at) + s.substring(at + 1);            // a character lost
                case 1 -> s.substring(0, at);                                  // cut line
                default -> s.substring(0, at) + "key" + s.substring(at);        // glued to a run
            };
        }
        return s;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13, 14, 15, 16, 17, 18})
    void handReadingAgreesWithTheRegexes(long seed) {
        Random rnd = new Random(seed);
        int successes = 0;
        int failures = 0;
        for (int round = 0; round < 20_000; round++) {
            String text = randomText(rnd);
            Matcher ok = TlsText.SUCCESS.matcher(text);
            TlsText.Success expected = ok.find() ? new TlsText.Success(ok.group(2), ok.group(3), ok.group(4),
                    ok.group(5)) : null;
            assertThat(TlsText.success(text)).as(text).isEqualTo(expected);
            Matcher bad = TlsText.FAILURE.matcher(text);
            String error = bad.find() ? bad.group(1).replaceAll("[.]+$", "") : null;
            assertThat(TlsText.failure(text)).as(text).isEqualTo(error);
            successes += expected != null ? 1 : 0;
            failures += error != null ? 1 : 0;
        }
        // the generator must reach both outcomes often, or the comparison proves little
        assertThat(successes).isGreaterThan(3000);
        assertThat(failures).isGreaterThan(1000);
    }

    @Test
    void backtrackingShapesGiveTheRegexAnswer() {
        String[] texts = {
                SUCCESS_LINE.replace("CALG_SHA_384 with", "CALG_SHA_384key exchange algorithm X with")
                        .replace("and key exchange algorithm CALG_ECDHE", "and CALG_ECDHE"),
                SUCCESS_LINE.replace("CALG_AES_256 with strength 256 bits, MAC", "CALG_AES_256MAC"),
                SUCCESS_LINE.replace(", MAC", "\n, MAC") + " " + SUCCESS_LINE,
                "TLS protocol SP_PROT_TLS1_2_CLIENT  " + SUCCESS_LINE,
                "TLS negotiation failed with error ... then TLS negotiation failed with error NoCredentials.."};
        for (String text : texts) {
            Matcher ok = TlsText.SUCCESS.matcher(text);
            TlsText.Success expected = ok.find() ? new TlsText.Success(ok.group(2), ok.group(3), ok.group(4),
                    ok.group(5)) : null;
            assertThat(TlsText.success(text)).as(text).isEqualTo(expected);
        }
        assertThat(TlsText.success(SUCCESS_LINE)).isEqualTo(new TlsText.Success("TLS1_2", "CALG_AES_256",
                "CALG_SHA_384", "CALG_ECDHE"));
        assertThat(TlsText.failure(texts[4])).as("the first error is all dots").isEmpty();
    }
}
