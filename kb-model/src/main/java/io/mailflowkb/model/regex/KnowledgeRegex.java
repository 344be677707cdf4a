package io.mailflowkb.model.regex;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * A regular expression written in a knowledge file (a symptom's {@code regex}, a condition's {@code matches}),
 * compiled by the one engine every knowledge regex uses: RE2/J, which runs in time linear in the input and
 * never recurses per character, so no pattern can hang a diagnosis or overflow the stack, whatever the log line.
 * The price is the constructs that need backtracking (back-references, look-around, atomic groups, possessive
 * quantifiers): they are refused when the knowledge is validated, with the column where they start, rather
 * than silently given another meaning. Matching is case-insensitive. Immutable and thread-safe.
 */
public final class KnowledgeRegex {

    /** Longest pattern accepted, in characters. */
    public static final int MAX_LENGTH = 300;
    /**
     * Largest compiled program accepted: matching costs at most about this many steps per input character, so
     * counted repetitions that multiply out ({@code (a{100}){100}}) are refused instead of making every line slow.
     */
    public static final int MAX_PROGRAM_SIZE = 3000;

    private final Pattern pattern;

    private KnowledgeRegex(Pattern pattern) {
        this.pattern = pattern;
    }

    /**
     * Compiles a pattern.
     *
     * @throws RegexRejectedException with a message fit for a validation error and the 1-based column in the
     *                                pattern where the problem starts
     */
    public static KnowledgeRegex compile(String regex) {
        if (regex == null || regex.isEmpty()) {
            throw new RegexRejectedException("empty regular expression", 1);
        }
        if (regex.length() > MAX_LENGTH) {
            throw new RegexRejectedException("regular expression longer than " + MAX_LENGTH + " characters",
                    MAX_LENGTH + 1);
        }
        UnsupportedConstructs.check(regex);
        Pattern p;
        try {
            p = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            String offending = e.getPattern();
            int at = offending == null ? -1 : regex.indexOf(offending);
            throw new RegexRejectedException("invalid regular expression: " + e.getDescription()
                    + (at >= 0 && !offending.equals(regex) ? " ('" + offending + "')" : ""),
                    at >= 0 ? at + 1 : regex.length());
        }
        if (p.programSize() > MAX_PROGRAM_SIZE) {
            throw new RegexRejectedException("regular expression too large once its repetitions are expanded ("
                    + p.programSize() + " steps per character; the limit is " + MAX_PROGRAM_SIZE + ")", 1);
        }
        return new KnowledgeRegex(p);
    }

    /** Whether the pattern occurs anywhere in the text (not anchored; {@code ^} and {@code $} are its ends). */
    public boolean find(CharSequence text) {
        Matcher m = pattern.matcher(text);
        return m.find();
    }

    /** The pattern as written. */
    public String pattern() {
        return pattern.pattern();
    }

    @Override
    public String toString() {
        return pattern.pattern();
    }
}
