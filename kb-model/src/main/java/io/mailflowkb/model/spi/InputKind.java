package io.mailflowkb.model.spi;

import java.util.Locale;

/** The kinds of input a collector can take, each matching a CLI option. */
public enum InputKind {
    /** {@code --registry FILE}: .reg exports and {@code reg query} output */
    REGISTRY,
    /** {@code --logs PATH}: protocol and tracking logs, queue text, NDRs, any text log (file, folder, archive) */
    LOGS,
    /** {@code --events FILE}: wevtutil XML and Get-WinEvent JSON exports */
    EVENTS,
    /** {@code --probe HOST[:PORT]}: a live SMTP peer */
    PROBE,
    /** {@code --live-registry}: this Windows machine's registry, read in place */
    LIVE_REGISTRY;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
