package io.mailflowkb.model.regex;

import java.util.regex.Pattern;

/**
 * A line that counts every character the engine reads, so the work of a match is measured in steps, not in
 * wall-clock time. {@link #toString()} is refused: an engine that copied the text out would escape the count.
 */
final class ReadCounter implements CharSequence {

    private final CharSequence text;
    private final long[] reads;
    private final long budget;

    ReadCounter(CharSequence text) {
        this(text, new long[1]);
    }

    private ReadCounter(CharSequence text, long[] reads) {
        this(text, reads, Long.MAX_VALUE);
    }

    private ReadCounter(CharSequence text, long[] reads, long budget) {
        this.text = text;
        this.reads = reads;
        this.budget = budget;
    }

    /**
     * What java.util.regex finds, or {@code null} when it read more than {@code budget} characters (it was
     * backtracking catastrophically: the reference answer is not available in reasonable time).
     */
    static Boolean findWithin(Pattern pattern, String line, long budget) {
        ReadCounter counted = new ReadCounter(line, new long[1], budget);
        try {
            return pattern.matcher(counted).find();
        } catch (OverBudget e) {
            return null;
        }
    }

    long reads() {
        return reads[0];
    }

    @Override
    public char charAt(int index) {
        if (++reads[0] > budget) {
            throw new OverBudget();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new ReadCounter(text.subSequence(start, end), reads, budget);
    }

    @Override
    public String toString() {
        throw new AssertionError("the engine copied the line instead of reading it");
    }

    private static final class OverBudget extends RuntimeException {
        OverBudget() {
            super(null, null, false, false);
        }
    }
}
