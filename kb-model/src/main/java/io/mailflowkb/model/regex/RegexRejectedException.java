package io.mailflowkb.model.regex;

/**
 * A knowledge regex the engine will not run: invalid, too long, too large, or using a construct that needs
 * backtracking. The message says which, in words; {@link #column()} says where in the pattern.
 */
public final class RegexRejectedException extends IllegalArgumentException {

    private final int column;

    RegexRejectedException(String message, int column) {
        super(message);
        this.column = column;
    }

    /** 1-based position in the pattern where the problem starts. */
    public int column() {
        return column;
    }

    /** The message with where in the pattern, for a validation problem that points at the pattern's entry. */
    public String withPosition() {
        return getMessage() + " (at character " + column + " of the pattern)";
    }
}
