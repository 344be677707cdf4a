package io.mailflowkb.rules.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link HostSummaries#range} (each time parsed once) against the stream it replaced (min and max with a comparator
 * that parsed both sides at each comparison), over seeded random lists of times as {@link HostSummaries#normalised}
 * gives them: UTC, local, duplicates, equal instants written differently, and text that is not a time.
 */
class TimeRangeEquivalenceTest {

    static Stream<Long> seeds() {
        return IntStream.range(0, 40).mapToObj(i -> 104_729L * i + 3);
    }

    /** The code before: {@code times.stream().min(byInstant)} and {@code max(byInstant)}. */
    static String[] plain(List<String> times) {
        Comparator<String> byInstant = Comparator.comparing(TimeRangeEquivalenceTest::instant,
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Comparator.naturalOrder());
        return new String[] {times.stream().min(byInstant).orElse(null), times.stream().max(byInstant).orElse(null)};
    }

    private static java.time.Instant instant(String t) {
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                return null;
            }
        }
    }

    private static String time(Random r) {
        String day = "2024-03-0" + (1 + r.nextInt(3)) + "T1" + r.nextInt(3) + ":0" + r.nextInt(2) + ":0" + r.nextInt(2);
        return switch (r.nextInt(6)) {
            case 0, 1 -> day + "Z";
            case 2 -> day; // local (a queue's retry time)
            case 3 -> day + "+01:00"; // the same instant as another day + "Z" written otherwise
            case 4 -> r.nextBoolean() ? "soon" : "later" + r.nextInt(3);
            default -> HostSummaries.normalised(day + "." + r.nextInt(1000) + "Z");
        };
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void rangeIsTheComparatorMinAndMax(long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < 300; i++) {
            List<String> times = new ArrayList<>();
            int n = r.nextInt(9);
            for (int k = 0; k < n; k++) {
                times.add(time(r));
            }
            assertArrayEquals(plain(times), HostSummaries.range(times), times::toString);
        }
    }
}
