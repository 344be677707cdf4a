package io.mailflowkb.rules.derive;

import io.mailflowkb.model.knowledge.ExchangeBuildDefinition;
import java.util.List;

/**
 * The Exchange build baselines, read from the knowledge's build table (rows marked {@code firstWith}): the first
 * build of a product line (major.minor) that can do something. Inserted into working memory for the derivation
 * of {@link ExchangeBaseline}.
 */
public record ExchangeBaselines(List<ExchangeBuildDefinition> rows) {

    public ExchangeBaselines {
        rows = List.copyOf(rows);
    }

    /** The first build of line {@code major.minor} marked {@code mark}, or null when the table marks none. */
    ExchangeBuildDefinition first(long major, long minor, String mark) {
        ExchangeBuildDefinition first = null;
        long[] firstBuild = null;
        for (ExchangeBuildDefinition r : rows) {
            long[] b = DottedVersion.parse(r.build());
            if (b != null && b.length >= 2 && b[0] == major && b[1] == minor && r.firstWith().contains(mark)
                    && (firstBuild == null || DottedVersion.compare(b, firstBuild) < 0)) {
                first = r;
                firstBuild = b;
            }
        }
        return first;
    }

    /** Whether {@code build} is at or above {@code row} (false when there is no row). */
    static boolean atLeast(long[] build, ExchangeBuildDefinition row) {
        return row != null && DottedVersion.compare(build, DottedVersion.parse(row.build())) >= 0;
    }

    /** How the reason texts name a row: {@code CU19 (15.0.1365.1)}. */
    static String named(ExchangeBuildDefinition row) {
        return row.name() + " (" + row.build() + ")";
    }
}
