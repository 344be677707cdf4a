package io.mailflowkb.rules.derive;

import io.mailflowkb.model.knowledge.ExchangeBuildDefinition;
import java.util.List;

/** {@link ExchangeBaselines} as it was before its builds were parsed once (every row parsed per look-up). */
record ExchangeBaselinesBefore(List<ExchangeBuildDefinition> rows) {

    ExchangeBaselinesBefore {
        rows = List.copyOf(rows);
    }

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

    static boolean atLeast(long[] build, ExchangeBuildDefinition row) {
        return row != null && DottedVersion.compare(build, DottedVersion.parse(row.build())) >= 0;
    }
}
