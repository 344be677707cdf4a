package io.mailflowkb.rules.engine;

import io.mailflowkb.model.finding.Evidence;
import io.mailflowkb.model.finding.Evidence.Kind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/** FindingEvidence as it was before sort keys were compared without making them (main ae3f3af). */
final class FindingEvidenceBefore {

    /**
     * Up to this many lines the duplicates are found by comparing with the lines kept so far (a warm diagnosis has
     * a few lines per finding, and hashing each new line's texts cost more than comparing); beyond it, with sets.
     */
    static final int SMALL = 24;

    private FindingEvidenceBefore() {
    }

    /** The lines of a finding's hits (in session order) and its notes (sorted; may be empty). */
    static List<Evidence> of(List<FindingHit> hits, Collection<String> notes) {
        List<Evidence> lines;
        if (hits.size() == 1) {
            lines = render(hits.get(0)); // one hit: no order to decide
        } else {
            List<Keyed> keyed = new ArrayList<>(hits.size());
            for (FindingHit h : hits) {
                List<Evidence> rendered = render(h);
                keyed.add(new Keyed(rendered, sortKey(rendered)));
            }
            keyed.sort((a, b) -> a.key().compareTo(b.key())); // stable: session order between equal texts
            lines = new ArrayList<>();
            for (Keyed k : keyed) {
                lines.addAll(k.lines());
            }
        }
        for (String t : notes) {
            lines.add(Evidence.note(t));
        }
        return lines.size() <= SMALL ? distinctCitedOnce(lines) : bySets(lines);
    }

    private record Keyed(List<Evidence> lines, String key) {
    }

    /** What the engine did before: a LinkedHashSet of the lines and notes, then each text line cited once. */
    static List<Evidence> bySets(List<Evidence> lines) {
        return EvidenceRenderer.citeEachLineOnce(new LinkedHashSet<>(lines));
    }

    /**
     * {@link #bySets} in one pass over the lines kept so far: a text line with a line number is left out when a kept
     * one cites the same place (equal lines cite the same place too), any other line when it equals a kept one. A
     * line equal to one left out earlier is left out for the same reason, so comparing with the kept lines is enough.
     */
    static List<Evidence> distinctCitedOnce(List<Evidence> lines) {
        List<Evidence> out = new ArrayList<>(lines.size());
        for (Evidence e : lines) {
            boolean cites = citesLine(e);
            boolean seen = false;
            for (int i = 0; i < out.size() && !seen; i++) {
                Evidence k = out.get(i);
                seen = cites ? citesLine(k) && k.line().equals(e.line()) && k.input().equals(e.input()) : k.equals(e);
            }
            if (!seen) {
                out.add(e);
            }
        }
        return out;
    }

    /** A text line with a number: {@code file:line} names it, and each is cited once. */
    private static boolean citesLine(Evidence e) {
        return e.kind() == Kind.LINE && e.line() != null;
    }

    /**
     * Exactly {@code lines.toString()} (the order the output has always had), without the record's toString:
     * that goes through String.format in JDK 17 and was a tenth of a warm diagnosis.
     */
    static String sortKey(List<Evidence> lines) {
        StringBuilder b = new StringBuilder(64 * lines.size() + 2).append('[');
        for (int i = 0; i < lines.size(); i++) {
            Evidence e = lines.get(i);
            b.append(i == 0 ? "" : ", ").append("Evidence[source=").append(e.source()).append(", fact=")
                    .append(e.fact()).append(']');
        }
        return b.append(']').toString();
    }

    private static List<Evidence> render(FindingHit h) {
        List<Evidence> lines = new ArrayList<>();
        for (Object f : h.facts()) {
            EvidenceRenderer.render(f, lines);
        }
        return lines;
    }
}
