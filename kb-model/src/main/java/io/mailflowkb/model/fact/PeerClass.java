package io.mailflowkb.model.fact;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Who the other end of an observed session was: Exchange Online (its published endpoints) or anyone else. */
public enum PeerClass implements WireValue {
    /** an address or host name of Exchange Online's published endpoints */
    EXCHANGE_ONLINE("exchange-online"),
    /** a peer outside those endpoints */
    OTHER("other"),
    /** the input does not name the peer */
    UNKNOWN("unknown");

    private final String id;

    PeerClass(String id) {
        this.id = id;
    }

    @JsonValue
    @Override
    public String id() {
        return id;
    }

    /** The class spelled {@code id}; {@code null} is {@link #UNKNOWN}. */
    @JsonCreator
    public static PeerClass of(String id) {
        return id == null ? UNKNOWN : WireValue.parse(PeerClass.class, id);
    }
}
