package io.mailflowkb.rules.report;

import io.mailflowkb.model.bundle.FactBundle;
import io.mailflowkb.model.fact.EventRecord;
import io.mailflowkb.model.fact.Fact;
import io.mailflowkb.model.fact.HostProfile;
import io.mailflowkb.model.fact.Symptom;
import io.mailflowkb.model.fact.TlsOutcome;
import io.mailflowkb.model.finding.HostSummary;
import io.mailflowkb.model.knowledge.ExchangeBuildDefinition;
import io.mailflowkb.rules.derive.DottedVersion;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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

    public static HostSummary of(FactBundle bundle, List<ExchangeBuildDefinition> builds) {
        HostProfile h = bundle.host() == null ? HostProfile.UNKNOWN : bundle.host();
        String build = h.exchangeBuild();
        ExchangeBuildDefinition exact = null;
        ExchangeBuildDefinition below = null;
        long[] parts = DottedVersion.parse(build);
        if (parts != null && parts.length == 4) {
            for (ExchangeBuildDefinition b : builds) {
                long[] row = DottedVersion.parse(b.build());
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
            String version = io.mailflowkb.rules.derive.ExchangeBaseline.of(h,
                    new io.mailflowkb.rules.derive.ExchangeBaselines(builds)).version();
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
        List<String> times = new ArrayList<>();
        // only these three kinds carry times (times(Fact)); the range does not depend on the order
        bundle.symptoms().forEach(f -> times(f).forEach(t -> times.add(normalised(t))));
        bundle.tlsOutcomes().forEach(f -> times(f).forEach(t -> times.add(normalised(t))));
        bundle.events().forEach(f -> times(f).forEach(t -> times.add(normalised(t))));
        return range(times);
    }

    /**
     * The earliest and latest of the times by instant (nulls last, then by text), or nulls: each time parsed once,
     * not at each comparison (a comparator over {@link #instant} parsed both sides every time).
     */
    static String[] range(List<String> times) {
        String from = null;
        String to = null;
        java.time.Instant fromAt = null;
        java.time.Instant toAt = null;
        for (String t : times) {
            java.time.Instant at = instant(t);
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
        return new String[] {from, to};
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

    private static List<String> times(Fact f) {
        List<String> out = new ArrayList<>();
        if (f instanceof Symptom s) {
            add(out, s.firstSeen(), s.lastSeen());
        } else if (f instanceof TlsOutcome t) {
            add(out, t.firstSeen(), t.lastSeen());
        } else if (f instanceof EventRecord e) {
            add(out, e.firstSeen(), e.lastSeen());
        }
        return out;
    }

    private static void add(List<String> out, String... times) {
        for (String t : times) {
            if (t != null && !t.isBlank()) {
                out.add(t.strip());
            }
        }
    }

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
