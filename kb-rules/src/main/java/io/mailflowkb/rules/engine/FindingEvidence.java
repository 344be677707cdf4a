package io.mailflowkb.rules.engine;

import io.mailflowkb.model.finding.Evidence;
import io.mailflowkb.model.finding.Evidence.Kind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * One finding's evidence lines from its hits and notes, in report order: the hits' lines in the order of their
 * text ({@link #sortKey}, session order between equal texts; working memory has no stable order, so the same
 * input gives byte-identical output), each line once, then the correlation notes, and each text line cited once
 * ({@link EvidenceRenderer#citeEachLineOnce}).
 */
final class FindingEvidence {

    /**
     * Up to this many lines the duplicates are found by comparing with the lines kept so far (a warm diagnosis has
     * a few lines per finding, and hashing each new line's texts cost more than comparing); beyond it, with sets.
     */
    static final int SMALL = 24;

    private FindingEvidence() {
    }

    /** The lines of a finding's hits (in session order) and its notes (sorted; may be empty). */
    static List<Evidence> of(List<FindingHit> hits, Collection<String> notes) {
        List<Evidence> lines;
        if (hits.size() == 1) {
            lines = render(hits.get(0)); // one hit: no order to decide
        } else {
            // stable: session order between equal texts
            List<List<Evidence>> rendered = new ArrayList<>(hits.size());
            for (FindingHit h : hits) {
                rendered.add(render(h));
            }
            rendered.sort(FindingEvidence::compareKeys);
            lines = rendered.get(0);
            for (int i = 1; i < rendered.size(); i++) {
                lines.addAll(rendered.get(i));
            }
        }
        for (String t : notes) {
            lines.add(Evidence.note(t));
        }
        return lines.size() <= SMALL ? distinctCitedOnce(lines) : bySets(lines);
    }

    /** What the engine did before: a LinkedHashSet of the lines and notes, then each text line cited once. */
    static List<Evidence> bySets(List<Evidence> lines) {
        return EvidenceRenderer.citeEachLineOnce(new LinkedHashSet<>(lines));
    }

    /**
     * {@link #bySets} in one pass over the lines kept so far: a text line with a line number is left out when a kept
     * one cites the same place (equal lines cite the same place too), any other line when it equals a kept one. A
     * line equal to one left out earlier is left out for the same reason, so comparing with the kept lines is enough.
     * Gives {@code lines} itself when none is left out.
     */
    static List<Evidence> distinctCitedOnce(List<Evidence> lines) {
        // the kept lines are lines[0, kept) until the first one left out, then a list of their own: most findings
        // leave none out, and then the lines themselves are the answer (Finding copies them once)
        List<Evidence> out = null;
        int kept = 0;
        for (int n = 0; n < lines.size(); n++) {
            Evidence e = lines.get(n);
            boolean cites = citesLine(e);
            boolean seen = false;
            int size = out == null ? kept : out.size();
            for (int i = 0; i < size && !seen; i++) {
                Evidence k = out == null ? lines.get(i) : out.get(i);
                seen = cites ? citesLine(k) && k.line().equals(e.line()) && k.input().equals(e.input()) : k.equals(e);
            }
            if (seen && out == null) {
                out = new ArrayList<>(lines.subList(0, kept));
            } else if (!seen) {
                if (out == null) {
                    kept++;
                } else {
                    out.add(e);
                }
            }
        }
        return out == null ? lines : out;
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

    /**
     * {@code sortKey(a).compareTo(sortKey(b))} in sign, without making the two texts (a warm diagnosis made a key of
     * about 150 characters per hit to compare it once or twice). Lines equal in input, line and fact give the same
     * text, so the comparison starts at the first line where the two lists differ and walks the texts from there
     * character by character ({@link KeyText}).
     */
    static int compareKeys(List<Evidence> a, List<Evidence> b) {
        int n = Math.min(a.size(), b.size());
        int first = 0;
        while (first < n && sameText(a.get(first), b.get(first))) {
            first++;
        }
        KeyText x = new KeyText(a, first);
        KeyText y = new KeyText(b, first);
        while (true) {
            int c = x.next();
            int d = y.next();
            if (c != d) {
                return c < 0 ? -1 : d < 0 ? 1 : c - d;
            }
            if (c < 0) {
                return 0;
            }
        }
    }

    /** Whether two lines give the same text in a sort key (its source and fact; kind and object are not in it). */
    private static boolean sameText(Evidence a, Evidence b) {
        return a.input().equals(b.input()) && Objects.equals(a.line(), b.line()) && a.fact().equals(b.fact());
    }

    /**
     * The characters of {@link #sortKey} of some lines, from line {@code first} on, one at a time: per line the
     * separator and {@code Evidence[source=}, the input, {@code :} and the line number, {@code , fact=}, the fact,
     * {@code ]}; after the last line {@code ]}.
     */
    private static final class KeyText {

        private static final String FIRST = "[Evidence[source=";
        private static final String NEXT = ", Evidence[source=";
        private static final String FACT = ", fact=";
        private static final String CLOSE = "]";

        private final List<Evidence> lines;
        private int line;
        /** The part of the line being read: 0 opening, 1 input, 2 line number, 3 {@code , fact=}, 4 fact, 5 close. */
        private int part;
        private String text;
        private int at;

        KeyText(List<Evidence> lines, int first) {
            this.lines = lines;
            this.line = first;
            this.part = 0;
            this.text = first == 0 ? FIRST : NEXT;
            if (first >= lines.size()) { // past the last line: only the closing bracket, or "[]" for no lines
                this.part = 6;
                this.text = lines.isEmpty() ? "[]" : CLOSE;
            }
        }

        /** The next character, or -1 at the end. */
        int next() {
            while (at >= text.length()) {
                if (!advance()) {
                    return -1;
                }
            }
            return text.charAt(at++);
        }

        private boolean advance() {
            at = 0;
            if (part == 6) {
                return false;
            }
            Evidence e = lines.get(line);
            switch (++part) {
                case 1 -> text = e.input();
                case 2 -> text = e.line() == null ? "" : ":" + e.line();
                case 3 -> text = FACT;
                case 4 -> text = e.fact();
                case 5 -> text = CLOSE;
                default -> {
                    line++;
                    part = line < lines.size() ? 0 : 6;
                    text = line < lines.size() ? NEXT : CLOSE;
                }
            }
            return true;
        }
    }

    private static List<Evidence> render(FindingHit h) {
        List<Evidence> lines = new ArrayList<>();
        for (Object f : h.facts()) {
            EvidenceRenderer.render(f, lines);
        }
        return lines;
    }
}
