package io.mailflowkb.plugins.probe;

import java.util.Locale;

/**
 * Ends one probe connection with one of the documented {@code ProbeResult} outcomes
 * ({@code refused}, {@code reset}, {@code timeout}, {@code error}, ...) and its exact detail.
 */
final class ProbeFailure extends Exception {

    private final String outcome;

    ProbeFailure(String outcome, String detail) {
        super(detail, null, false, false);
        this.outcome = outcome;
    }

    String outcome() {
        return outcome;
    }

    String detail() {
        return getMessage();
    }

    /** {@code 2000} -> {@code "2 s"}, {@code 2500} -> {@code "2.5 s"}: the form details quote timeouts in. */
    static String seconds(long ms) {
        return ms % 1000 == 0 ? (ms / 1000) + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
