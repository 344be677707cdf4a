package io.mailflowkb.model.fact;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How a TLS negotiation seen in a protocol log ended. */
public enum TlsResult implements WireValue {
    SUCCEEDED("succeeded"), FAILED("failed");

    private final String id;

    TlsResult(String id) {
        this.id = id;
    }

    @JsonValue
    @Override
    public String id() {
        return id;
    }

    @JsonCreator
    public static TlsResult of(String id) {
        return WireValue.parse(TlsResult.class, id);
    }
}
