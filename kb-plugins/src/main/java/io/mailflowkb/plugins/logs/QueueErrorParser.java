package io.mailflowkb.plugins.logs;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a queue {@code LastError} in either form Exchange writes [S32][S33][S36]:
 * <ul>
 *   <li>{@code 451 4.4.0 Primary target IP address responded with: "421 4.4.2 Connection dropped due to
 *       SocketError." Attempted failover ...} (optionally {@code The last endpoint attempted was ip:port})</li>
 *   <li>{@code [{LED=451 4.4.395 Target host responded with error. -> 421 4.4.1 ...};{MSG=};{FQDN=host};
 *       {IP=ip};{LRT=date}]}</li>
 * </ul>
 * The text that matters is the remote's answer inside the wrapper; symptoms are matched on it alone so the
 * wrapper's own {@code 451 4.4.0} never counts as a symptom.
 */
public final class QueueErrorParser {

    /** The remote's answer, and the next hop when the error names it. */
    public record QueueError(String inner, String fqdn, String ip) {
    }

    private static final Pattern PRIMARY = Pattern.compile(
            "Primary target IP address responded with:?\\s*(?:\"([^\"]*)\"?|'([^']*)'?|(.*))", Pattern.CASE_INSENSITIVE);
    private static final Pattern LAST_ENDPOINT = Pattern.compile(
            "last endpoint attempted was\\s*\\[?([0-9A-Fa-f:.]+?)\\]?(?::\\d+)?[\\s'.]*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern FIELD = Pattern.compile("\\{(LED|MSG|FQDN|IP|LRT)=([^}]*)\\}", Pattern.CASE_INSENSITIVE);

    private QueueErrorParser() {
    }

    /** The queue error on this line, or {@code null} when the line is not one. */
    public static QueueError parse(String line) {
        int brace = line.indexOf("{LED=");
        if (brace < 0) {
            brace = line.indexOf("{led=");
        }
        if (brace >= 0) {
            String led = null;
            String msg = null;
            String fqdn = null;
            String ip = null;
            Matcher m = FIELD.matcher(line);
            while (m.find()) {
                String v = m.group(2).strip();
                switch (m.group(1).toUpperCase(Locale.ROOT)) {
                    case "LED" -> led = v;
                    case "MSG" -> msg = v;
                    case "FQDN" -> fqdn = blankToNull(v);
                    case "IP" -> ip = blankToNull(v);
                    default -> { }
                }
            }
            String inner = (led == null ? "" : led) + (msg == null || msg.isEmpty() ? "" : " " + msg);
            return new QueueError(inner.strip(), fqdn, ip);
        }
        if (line.indexOf("responded with") < 0 && line.indexOf("RESPONDED WITH") < 0) {
            return null;
        }
        Matcher m = PRIMARY.matcher(line);
        if (!m.find()) {
            return null;
        }
        String inner = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
        Matcher e = LAST_ENDPOINT.matcher(line);
        String ip = e.find() ? e.group(1) : null;
        return new QueueError(inner.strip(), null, ip);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
