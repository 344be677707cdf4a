package io.mailflowkb.rules.knowledge;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A regular expression from a knowledge file, made safe to run on hostile input: its length is capped, and every
 * match runs against a character sequence that stops the matcher after a fixed number of character reads, so a
 * catastrophic-backtracking pattern ends as "no match" instead of hanging the diagnosis.
 */
public final class BoundedRegex {

    public static final int MAX_LENGTH = 300;
    /** Character reads allowed per match attempt: generous for real log lines, fatal for a regex bomb. */
    static final long BUDGET_PER_CHAR = 200;
    static final long MIN_BUDGET = 100_000;

    private final Pattern pattern;

    private BoundedRegex(Pattern pattern) {
        this.pattern = pattern;
    }

    /** Compiles a pattern, or throws {@link IllegalArgumentException} with a message fit for a validation error. */
    public static BoundedRegex compile(String regex) {
        if (regex == null || regex.isEmpty()) {
            throw new IllegalArgumentException("empty regular expression");
        }
        if (regex.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("regular expression longer than " + MAX_LENGTH + " characters");
        }
        try {
            return new BoundedRegex(Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid regular expression: " + e.getDescription());
        }
    }

    /** Whether the pattern is found in the text; {@code false} when the match ran out of budget. */
    public boolean find(CharSequence text) {
        Budgeted input = new Budgeted(text, Math.max(MIN_BUDGET, BUDGET_PER_CHAR * text.length()));
        try {
            return pattern.matcher(input).find();
        } catch (Budgeted.Exhausted e) {
            return false;
        }
    }

    public String pattern() {
        return pattern.pattern();
    }

    private static final class Budgeted implements CharSequence {
        private final CharSequence text;
        private final long[] budget;

        Budgeted(CharSequence text, long budget) {
            this(text, new long[] {budget});
        }

        private Budgeted(CharSequence text, long[] budget) {
            this.text = text;
            this.budget = budget;
        }

        @Override
        public char charAt(int index) {
            if (--budget[0] < 0) {
                throw new Exhausted();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Budgeted(text.subSequence(start, end), budget);
        }

        @Override
        public String toString() {
            return text.toString();
        }

        static final class Exhausted extends RuntimeException {
            Exhausted() {
                super(null, null, false, false);
            }
        }
    }
}
