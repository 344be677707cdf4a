package io.mailflowkb.rules.explain;

/**
 * One object a rule matched: a fact in words, or a collected list (an accumulate or {@code collect} result) of which
 * only the size says anything.
 *
 * @param fact      the fact as its {@code describe()} words it, or {@code null} for a collected list
 * @param collected how many facts the collected list held; 0 for a single fact
 */
public record Matched(String fact, int collected) {

    public static Matched fact(String described) {
        return new Matched(described, 0);
    }

    public static Matched collection(int size) {
        return new Matched(null, size);
    }

    public boolean isCollection() {
        return fact == null;
    }
}
