package io.mailflowkb.plugins.logs;

/**
 * One parsed line of an SMTP protocol log [S31]: {@code event} is {@code +} connect, {@code -} disconnect,
 * {@code >} sent by this server, {@code <} received, {@code *} information.
 *
 * @param time ISO time from the log, or {@code null} when the field is not a time (documentation placeholders)
 */
public record ProtocolLine(String time, String connector, String sessionId, String remoteEndpoint, char event,
                           String data, String context, int line, String raw) {

    /** Data and context together: TLS lines put their text in either field depending on the build [S58]. */
    public String text() {
        if (context.isEmpty()) {
            return data;
        }
        return data.isEmpty() ? context : data + " " + context;
    }
}
