package io.mailflowkb.model.fact;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The result of TLS negotiations seen in SMTP protocol logs, aggregated per direction, peer class, connector,
 * protocol and result.
 *
 * @param direction outbound (send log) or inbound (receive log)
 * @param peerClass who the peer was ({@link PeerClass#UNKNOWN} when the log does not show it)
 * @param connector the connector id from the log, or {@code null}
 * @param protocol  {@code TLS 1.0} ... {@code TLS 1.3} for successes, {@code null} when unknown (failures)
 * @param result    how the negotiation ended
 * @param error     the value after {@code TLS negotiation failed with error}, e.g. {@code SocketError}
 * @param cipher    bulk / MAC / key exchange algorithms for successes, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TlsOutcome(FlowDirection direction, PeerClass peerClass, String connector, String protocol, TlsResult result,
                         String error, String cipher, long count, String firstSeen, String lastSeen,
                         List<Provenance> samples) implements Fact {

    public TlsOutcome {
        direction = direction == null ? FlowDirection.UNKNOWN : direction;
        peerClass = peerClass == null ? PeerClass.UNKNOWN : peerClass;
        if (result == null) {
            throw new IllegalArgumentException("TLS outcome result must be succeeded or failed, got null");
        }
        count = Math.max(1, count);
        samples = samples == null ? List.of() : List.copyOf(samples);
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("TLS outcome without a sample provenance");
        }
    }

    /** The same outcome with another count (e.g. 1, to describe it without "N sessions"). */
    public TlsOutcome withCount(long newCount) {
        return new TlsOutcome(direction, peerClass, connector, protocol, result, error, cipher, newCount, firstSeen,
                lastSeen, samples);
    }

    @Override
    public Provenance source() {
        return samples.get(0);
    }

    @Override
    public String describe() {
        String what = result == TlsResult.SUCCEEDED
                ? "TLS negotiation succeeded with " + (protocol == null ? "an unknown protocol" : protocol)
                : "TLS negotiation failed" + (error == null ? "" : " with error " + error);
        return what + " [" + direction.id() + ", " + peerClass.id() + (connector == null ? "" : ", " + connector) + "]"
                + (count > 1 ? " (" + count + " sessions)" : "");
    }
}
