package io.mailflowkb.model.fact;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One live STARTTLS probe connection that allowed exactly one TLS version.
 *
 * @param target          {@code host:port} as probed
 * @param tlsVersion      {@code TLS 1.0}, {@code TLS 1.1}, {@code TLS 1.2} or {@code TLS 1.3}
 * @param outcome         {@code ok}, {@code refused} (TLS alert from the peer), {@code reset} (connection reset or
 *                        closed during the handshake), {@code not-offered} (no STARTTLS in EHLO),
 *                        {@code starttls-rejected} (STARTTLS answered with an error), {@code disabled-locally}
 *                        (this client cannot offer the version), {@code timeout}, {@code connect-failed},
 *                        {@code error}
 * @param detail          the exact reason (alert name, SMTP reply, exception text)
 * @param cipher          the negotiated cipher suite on success, else {@code null}
 * @param starttlsOffered whether EHLO advertised STARTTLS, {@code null} if EHLO was never answered
 * @param millis          time taken for this connection
 * @param source          provenance; its detail holds the SMTP transcript
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProbeResult(String target, String tlsVersion, String outcome, String detail, String cipher,
                          Boolean starttlsOffered, Boolean authOffered, long millis, Provenance source) implements Fact {

    /**
     * How the transcript of a version that was not tried starts (disabled on this client, or not retried after an
     * earlier version failed before TLS): its {@code millis} is 0 because no connection was made.
     */
    public static final String NOT_ATTEMPTED = "-- not attempted: ";

    public ProbeResult {
        if (target == null || tlsVersion == null || outcome == null) {
            throw new IllegalArgumentException("probe result needs target, tlsVersion and outcome");
        }
    }

    @JsonIgnore
    public boolean succeeded() {
        return "ok".equals(outcome);
    }

    /** Whether a connection was made for this version (its {@code millis} is then the time it took). */
    @JsonIgnore
    public boolean attempted() {
        return source == null || source.detail() == null || !source.detail().startsWith(NOT_ATTEMPTED);
    }

    @Override
    public String describe() {
        return "probe " + target + " " + tlsVersion + ": " + outcome + (detail == null ? "" : " (" + detail + ")")
                + (cipher == null ? "" : " " + cipher);
    }
}
