package io.mailflowkb.rules.derive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One parser for every dotted build: the knowledge, the build table and the Exchange baselines agree on it. */
class DottedVersionTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 16, 2507, 20261201})
    void partsRoundTripAndCompareAsNumbersWithTrailingZerosIgnored(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 2000; i++) {
            long[] a = LongStream.generate(() -> random.nextInt(3000)).limit(1 + random.nextInt(6)).toArray();
            long[] b = random.nextBoolean() ? a.clone() : LongStream.generate(() -> random.nextInt(3000))
                    .limit(1 + random.nextInt(6)).toArray();
            String text = join(a);
            assertThat(DottedVersion.parse(" " + text + " ")).as(text).containsExactly(a);
            int expected = 0;
            for (int k = 0; k < Math.max(a.length, b.length) && expected == 0; k++) {
                expected = Long.compare(k < a.length ? a[k] : 0, k < b.length ? b[k] : 0);
            }
            assertThat(Integer.signum(DottedVersion.compare(a, b))).as(text + " vs " + join(b)).isEqualTo(expected);
            assertThat(Integer.signum(DottedVersion.ORDER.compare(text, join(b))))
                    .isEqualTo(-Integer.signum(DottedVersion.ORDER.compare(join(b), text)));
            // Exchange writes 2 to 4 parts; the baselines read exactly those
            assertThat(ExchangeBaseline.parse(text) != null).as(text).isEqualTo(a.length >= 2 && a.length <= 4);
        }
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @CsvSource(value = {"''", "' '", "15.", ".15", "15..1", "+15.1", "-15.1", "15.1a", "15 .1", "1234567890.1",
                        "1.2.3.4.5.6.7"})
    void textThatIsNotADottedNumberIsNone(String text) {
        assertThat(DottedVersion.parse(text)).isNull();
        assertThat(ExchangeBaseline.parse(text)).isNull();
    }

    private static String join(long[] parts) {
        return String.join(".", LongStream.of(parts).mapToObj(Long::toString).toList());
    }
}
