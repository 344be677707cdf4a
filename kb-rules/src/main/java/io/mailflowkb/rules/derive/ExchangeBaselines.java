package io.mailflowkb.rules.derive;

import io.mailflowkb.model.knowledge.ExchangeBuildDefinition;
import java.util.List;

/**
 * The Exchange build baselines, read from the knowledge's build table (rows marked {@code firstWith}): the first
 * build of a product line (major.minor) that can do something. Inserted into working memory for the derivation
 * of {@link ExchangeBaseline}, and read by the report header. Made once per knowledge: each row's build is parsed
 * here, not at every look-up (a warm run asked {@link #first} three times and parsed the whole table each time).
 */
public final class ExchangeBaselines {

    private final List<ExchangeBuildDefinition> rows;
    /** Per row (same index) its build's parts, or null when it is no dotted number. */
    private final long[][] builds;

    public ExchangeBaselines(List<ExchangeBuildDefinition> rows) {
        this.rows = List.copyOf(rows);
        this.builds = new long[this.rows.size()][];
        for (int i = 0; i < builds.length; i++) {
            builds[i] = DottedVersion.parse(this.rows.get(i).build());
        }
    }

    /** The build table's rows, in the knowledge's order. */
    public List<ExchangeBuildDefinition> rows() {
        return rows;
    }

    /** The parts of row {@code i}'s build (do not change them), or null when it is no dotted number. */
    public long[] build(int i) {
        return builds[i];
    }

    /** The first build of line {@code major.minor} marked {@code mark}, or null when the table marks none. */
    ExchangeBuildDefinition first(long major, long minor, String mark) {
        int first = -1;
        for (int i = 0; i < builds.length; i++) {
            long[] b = builds[i];
            if (b != null && b.length >= 2 && b[0] == major && b[1] == minor && rows.get(i).firstWith().contains(mark)
                    && (first < 0 || DottedVersion.compare(b, builds[first]) < 0)) {
                first = i;
            }
        }
        return first < 0 ? null : rows.get(first);
    }

    /** Whether {@code build} is at or above {@code row} (false when there is no row). */
    boolean atLeast(long[] build, ExchangeBuildDefinition row) {
        if (row == null) {
            return false;
        }
        for (int i = 0; i < builds.length; i++) {
            if (rows.get(i) == row) { // rows come from first(), so the same object
                return DottedVersion.compare(build, builds[i]) >= 0;
            }
        }
        return DottedVersion.compare(build, DottedVersion.parse(row.build())) >= 0;
    }

    /** How the reason texts name a row: {@code CU19 (15.0.1365.1)}. */
    static String named(ExchangeBuildDefinition row) {
        return row.name() + " (" + row.build() + ")";
    }
}
