package io.mailflowkb.rules.report;

import io.mailflowkb.model.bundle.FactBundle;
import io.mailflowkb.model.fact.EventRecord;
import io.mailflowkb.model.fact.HostProfile;
import io.mailflowkb.model.fact.Symptom;
import io.mailflowkb.model.fact.TlsOutcome;
import io.mailflowkb.model.finding.HostSummary;
import io.mailflowkb.model.knowledge.ExchangeBuildDefinition;
import io.mailflowkb.rules.derive.DottedVersion;
import io.mailflowkb.rules.derive.ExchangeBaseline;
import io.mailflowkb.rules.derive.ExchangeBaselines;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The header of a report: the host profile in words, the Exchange build named by the knowledge's build table, and
 * the time range the logs and events cover.
 */
public final class HostSummaries {

    /**
     * Exchange products by the first two parts of the build (15.0 2013, 15.1 2016, 15.2 2019:
     * knowledge/tls-deprecation/exchange-builds.yaml).
     */
    private static final Map<String, String> PRODUCTS = Map.of("2010", "Exchange Server 2010", "2013",
            "Exchange Server 2013", "2016", "Exchange Server 2016", "2019", "Exchange Server 2019", "SE",
            "Exchange Server Subscription Edition");

    private HostSummaries() {
    }

    /** The header, the Exchange build named by {@code table} (the build table, its builds parsed once). */
    public static HostSummary of(FactBundle bundle, ExchangeBaselines table) {
        HostProfile h = bundle.host() == null ? HostProfile.UNKNOWN : bundle.host();
        String build = h.exchangeBuild();
        ExchangeBuildDefinition exact = null;
        ExchangeBuildDefinition below = null;
        long[] parts = DottedVersion.parse(build);
        if (parts != null && parts.length == 4) {
            List<ExchangeBuildDefinition> builds = table.rows();
            for (int i = 0; i < builds.size(); i++) {
                ExchangeBuildDefinition b = builds.get(i);
                long[] row = table.build(i);
                if (row[0] != parts[0] || row[1] != parts[1]) {
                    continue;
                }
                int c = DottedVersion.compare(row, parts);
                if (c == 0) {
                    exact = b;
                } else if (c < 0) {
                    below = b;
                }
            }
        }
        String product = exact != null ? exact.product() : below != null ? below.product()
                : h.exchangeVersion() != null ? PRODUCTS.get(h.exchangeVersion()) : null;
        if (product == null && build != null) {
            String version = ExchangeBaseline.of(h, table).version();
            product = version == null ? null : PRODUCTS.get(version);
        }
        String cu = exact != null ? exact.name() : below != null ? "later than " + below.name() : null;
        String[] range = timeRange(bundle);
        ServerNaming.Naming naming = ServerNaming.of(bundle);
        return new HostSummary(naming.name(), naming.from(), naming.conflict(), h.fqdn(), h.windowsProduct(),
                h.windowsBuild() == null ? null : String.valueOf(h.windowsBuild()), product, build, cu, h.collected(),
                range[0], range[1]);
    }

    /**
     * Earliest first-seen and latest last-seen time of the symptoms, TLS outcomes and events, or nulls. Every time
     * with an offset is given in UTC to the second ({@code 2024-03-01T10:00:00Z}), whatever precision its input
     * wrote (protocol logs write milliseconds, wevtutil 100 ns, the manifest seconds), so the two ends read alike.
     * A time without an offset (a queue's retry time, which Get-Queue writes in the server's local time) stays
     * local ({@code 2024-03-01T10:05:00}) and is ordered as if it were UTC: the inputs do not say the offset.
     */
    static String[] timeRange(FactBundle bundle) {
        Range range = new Range();
        // only these three kinds carry times; the range does not depend on the order
        for (Symptom s : bundle.symptoms()) {
            range.addTime(s.firstSeen());
            range.addTime(s.lastSeen());
        }
        for (TlsOutcome t : bundle.tlsOutcomes()) {
            range.addTime(t.firstSeen());
            range.addTime(t.lastSeen());
        }
        for (EventRecord e : bundle.events()) {
            range.addTime(e.firstSeen());
            range.addTime(e.lastSeen());
        }
        return range.ends();
    }

    /**
     * The earliest and latest of the times by instant (nulls last, then by text), or nulls: each time parsed once,
     * not at each comparison (a comparator over {@link #instant} parsed both sides every time).
     */
    static String[] range(List<String> times) {
        Range range = new Range();
        for (String t : times) {
            range.add(t, instant(t));
        }
        return range.ends();
    }

    /** The earliest and latest time so far, each with the instant it is ordered by ({@code null}: not a time). */
    static final class Range {
        private String from;
        private String to;
        private java.time.Instant fromAt;
        private java.time.Instant toAt;

        /** A time as an input wrote it ({@code null} or blank: none): normalised, each parsed once. */
        void addTime(String written) {
            if (written == null || written.isBlank()) {
                return;
            }
            String t = written.strip();
            long seconds = utcSeconds(t);
            if (seconds != NOT_PLAIN_UTC) {
                add(t.substring(0, 19) + "Z", java.time.Instant.ofEpochSecond(seconds));
            } else {
                String n = normalised(t);
                add(n, instant(n));
            }
        }

        void add(String t, java.time.Instant at) {
            if (from == null || BY_INSTANT.compare(at, fromAt) < 0 || BY_INSTANT.compare(at, fromAt) == 0
                    && t.compareTo(from) < 0) {
                from = t;
                fromAt = at;
            }
            if (to == null || BY_INSTANT.compare(at, toAt) > 0 || BY_INSTANT.compare(at, toAt) == 0
                    && t.compareTo(to) > 0) {
                to = t;
                toAt = at;
            }
        }

        String[] ends() {
            return new String[] {from, to};
        }
    }

    private static final long NOT_PLAIN_UTC = Long.MIN_VALUE;

    /**
     * The epoch second of a time in the shape protocol logs, wevtutil and the manifest write,
     * {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} with a valid date and time, truncated to the second; else
     * {@link #NOT_PLAIN_UTC}, and {@link #normalised} and {@link #instant} decide as before. For such a time
     * {@code normalised} gives its first 19 characters and {@code Z}, and {@code instant} of that this second.
     */
    static long utcSeconds(String t) {
        int n = t.length();
        if (n < 20 || t.charAt(n - 1) != 'Z' || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T'
                || t.charAt(13) != ':' || t.charAt(16) != ':') {
            return NOT_PLAIN_UTC;
        }
        if (n > 20 && (t.charAt(19) != '.' || n == 21 || n > 30 || !digits(t, 20, n - 1))) {
            return NOT_PLAIN_UTC;
        }
        if (!digits(t, 0, 4) || !digits(t, 5, 7) || !digits(t, 8, 10) || !digits(t, 11, 13) || !digits(t, 14, 16)
                || !digits(t, 17, 19)) {
            return NOT_PLAIN_UTC;
        }
        int year = Integer.parseInt(t, 0, 4, 10);
        int month = Integer.parseInt(t, 5, 7, 10);
        int day = Integer.parseInt(t, 8, 10, 10);
        int hour = Integer.parseInt(t, 11, 13, 10);
        int minute = Integer.parseInt(t, 14, 16, 10);
        int second = Integer.parseInt(t, 17, 19, 10);
        if (month < 1 || month > 12 || day < 1 || day > java.time.YearMonth.of(year, month).lengthOfMonth()
                || hour > 23 || minute > 59 || second > 59) {
            return NOT_PLAIN_UTC;
        }
        return java.time.LocalDate.of(year, month, day).toEpochDay() * 86_400 + hour * 3_600 + minute * 60 + second;
    }

    private static boolean digits(String t, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static final Comparator<java.time.Instant> BY_INSTANT = Comparator.nullsLast(Comparator.naturalOrder());

    /** UTC to the second for a time with an offset, the local time to the second without one, else as written. */
    static String normalised(String t) {
        try {
            return OffsetDateTime.parse(t).toInstant().truncatedTo(ChronoUnit.SECONDS).toString();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(t).truncatedTo(ChronoUnit.SECONDS).format(LOCAL);
            } catch (DateTimeParseException notLocal) {
                return t;
            }
        }
    }

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    /** Times compare as instants (a local time as if UTC); text that is not a time sorts after them, by its text. */
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
}
