package io.mailflowkb.plugins.logs;

import io.mailflowkb.model.fact.Provenance;
import java.util.ArrayList;
import java.util.List;

/**
 * What is kept of many occurrences of one fact: how many, first and last time, the first few places and the
 * text of the first one. Bounded, so a million matching lines cost the same memory as one.
 */
public final class Tally {

    public static final int MAX_SAMPLES = 3;
    public static final int MAX_TEXT = 300;

    private long count;
    private String firstSeen;
    private String lastSeen;
    private String text;
    private String extra;
    private final List<Provenance> samples = new ArrayList<>(MAX_SAMPLES);

    /** Counts one occurrence at {@code time} (ISO, or null), seen at the given places (first one first). */
    public void add(String time, String text, String extra, List<Provenance> where) {
        count++;
        if (time != null) {
            // ISO-8601 in one log compares correctly as text; min/max keeps the result independent of line order
            if (firstSeen == null || time.compareTo(firstSeen) < 0) {
                firstSeen = time;
            }
            if (lastSeen == null || time.compareTo(lastSeen) > 0) {
                lastSeen = time;
            }
        }
        if (this.text == null && text != null) {
            this.text = truncate(text);
        }
        if (extra != null && (this.extra == null || extra.compareTo(this.extra) < 0)) {
            this.extra = extra;
        }
        for (Provenance p : where) {
            if (samples.size() < MAX_SAMPLES && !samples.contains(p)) {
                samples.add(p);
            }
        }
    }

    /** Adds another tally of the same fact (from a later file): same result as if its lines came after ours. */
    public void merge(Tally o) {
        count += o.count - 1;
        add(o.firstSeen, o.text, o.extra, o.samples);
        if (o.lastSeen != null && (lastSeen == null || o.lastSeen.compareTo(lastSeen) > 0)) {
            lastSeen = o.lastSeen;
        }
    }

    public long count() {
        return count;
    }

    public String firstSeen() {
        return firstSeen;
    }

    public String lastSeen() {
        return lastSeen;
    }

    public String text() {
        return text;
    }

    /** A per-fact detail (the cipher of a TLS outcome); the smallest one seen, so line order does not matter. */
    public String extra() {
        return extra;
    }

    public List<Provenance> samples() {
        return List.copyOf(samples);
    }

    public static String truncate(String s) {
        String t = s.strip();
        return t.length() <= MAX_TEXT ? t : t.substring(0, MAX_TEXT) + "...";
    }
}
