package io.mailflowkb.rules.derive;

import io.mailflowkb.model.fact.WireValue;

/** Whether an Exchange build can use a TLS version on SMTP, from the documented build baselines. */
public enum TlsSupport implements WireValue {
    SUPPORTED("supported"), UNSUPPORTED("unsupported"),
    /** the inputs do not show the build, or no baseline is documented for it */
    UNKNOWN("unknown");

    private final String id;

    TlsSupport(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}
