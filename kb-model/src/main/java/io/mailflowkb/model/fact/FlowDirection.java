package io.mailflowkb.model.fact;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Which way the mail of an observed session or message went, seen from the diagnosed server. Unlike a finding's
 * {@link io.mailflowkb.model.finding.Direction} an observation can be {@link #UNKNOWN} (a queue line, an event) and
 * is never both or local.
 */
public enum FlowDirection implements WireValue {
    /** this server sent (send log, queue, NDR) */
    OUTBOUND("outbound"),
    /** this server received (receive log) */
    INBOUND("inbound"),
    /** the input does not say */
    UNKNOWN("unknown");

    private final String id;

    FlowDirection(String id) {
        this.id = id;
    }

    @JsonValue
    @Override
    public String id() {
        return id;
    }

    /** The direction spelled {@code id}; {@code null} is {@link #UNKNOWN}. */
    @JsonCreator
    public static FlowDirection of(String id) {
        return id == null ? UNKNOWN : WireValue.parse(FlowDirection.class, id);
    }
}
