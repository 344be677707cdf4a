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
 * {@link HostSummaries.Range#addTime} (the common UTC shape read by hand, each time parsed once) against what
 * {@code timeRange} did before (each time normalised with {@code OffsetDateTime}, then parsed again for its
 * instant), over seeded random times as inputs write them and near misses of the shape: leap days, 24:00, second
 * 60, fractions of 0 to 10 digits, a lower-case {@code t} or {@code z}, years 0000 and 9999, offsets, local times,
 * blanks and padding. And {@link HostSummaries#range} (each time parsed once) against the stream it replaced (min
 * and max with a comparator that parsed both sides at each comparison), over seeded random lists of times as
 * {@link HostSummaries#normalised} gives them: UTC, local, duplicates, equal instants written differently, and text
 * that is not a time.
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

    /** A time as an input may write it, or a near miss of the shape that is read by hand. */
    private static String written(Random r) {
        String[] years = {"2024", "2023", "2000", "1900", "0000", "9999", "1970", "2100"};
        String[] months = {"01", "02", "03", "12", "13", "00", "2"};
        String[] days = {"01", "28", "29", "30", "31", "00", "32", "15"};
        String[] hours = {"00", "10", "23", "24", "9"};
        String[] seconds = {"00", "59", "60", "07"};
        String[] fractions = {"", "", ".1", ".123", ".1234567", ".123456789", ".1234567890", ".", ".12a"};
        String[] zones = {"Z", "Z", "Z", "z", "+01:00", "-05:30", "", "+00:00", "Z "};
        String t = years[r.nextInt(years.length)] + "-" + months[r.nextInt(months.length)] + "-"
                + days[r.nextInt(days.length)] + (r.nextInt(12) == 0 ? "t" : "T") + hours[r.nextInt(hours.length)]
                + ":" + (r.nextInt(10) == 0 ? "6" : "0") + r.nextInt(10) + ":" + seconds[r.nextInt(seconds.length)]
                + fractions[r.nextInt(fractions.length)] + zones[r.nextInt(zones.length)];
        return switch (r.nextInt(12)) {
            case 0 -> null;
            case 1 -> "  ";
            case 2 -> " " + t + "\t";
            case 3 -> t.substring(0, r.nextInt(t.length()));
            case 4 -> "2024-03-01 10:00:00Z"; // a blank instead of the T: not a time for the JDK
            default -> t;
        };
    }

    /** timeRange before: each non-blank time stripped and normalised, then {@code range} over them. */
    private static String[] before(List<String> written) {
        List<String> times = new ArrayList<>();
        for (String w : written) {
            if (w != null && !w.isBlank()) {
                times.add(HostSummaries.normalised(w.strip()));
            }
        }
        return plain(times);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void writtenTimesGiveTheRangeTheyGaveBefore(long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < 500; i++) {
            List<String> written = new ArrayList<>();
            for (int k = r.nextInt(6); k > 0; k--) {
                written.add(written(r));
            }
            HostSummaries.Range range = new HostSummaries.Range();
            written.forEach(range::addTime);
            assertArrayEquals(before(written), range.ends(), written::toString);
        }
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
