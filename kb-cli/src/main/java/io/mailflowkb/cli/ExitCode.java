package io.mailflowkb.cli;

/** The documented exit codes of every {@code kb} command. */
public final class ExitCode {
    /** no finding at warning or above */
    public static final int OK = 0;
    /** at least one warning or critical finding */
    public static final int FINDINGS = 1;
    /** usage error, or an input or knowledge file that cannot be read */
    public static final int BAD_INPUT = 2;

    private ExitCode() {
    }
}
