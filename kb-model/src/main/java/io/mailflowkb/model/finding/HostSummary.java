package io.mailflowkb.model.finding;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What the report describes: the server, its Windows and Exchange, and when the evidence is from. Every part the
 * inputs do not show is the word {@code unknown}, never {@code null}, so a reader sees what is missing.
 *
 * @param name          the computer name, or {@code unknown}: from a host profile (ComputerName export, the
 *                      collection manifest, Get-ExchangeServer, HealthChecker), else from what names the server in
 *                      passing, in this order: an event's {@code <Computer>}, a queue's {@code Identity}, the
 *                      receive connectors' server (when they name one server only)
 * @param nameFrom      where the name came from when no host profile gave it ({@code the queue Identity,
 *                      get-queue.txt:1}), else {@code null} (omitted in JSON)
 * @param nameConflict  when inputs name another server too: which, and where; else {@code null} (omitted)
 * @param fqdn          the fully qualified name when an input names it, or {@code unknown}
 * @param os            Windows {@code ProductName}, e.g. {@code Windows Server 2019 Standard}
 * @param osBuild       Windows {@code CurrentBuildNumber}, e.g. {@code 17763}
 * @param exchange      the Exchange product, e.g. {@code Exchange Server 2019}
 * @param exchangeBuild the dotted build, e.g. {@code 15.2.1544.4}
 * @param exchangeCu    the cumulative update of that build from the knowledge's build table ({@code CU14}), or
 *                      {@code later than CU14} for a build above a listed one that is not in the table, or
 *                      {@code unknown}
 * @param collected     when the evidence was collected, as an input records it, or {@code unknown}
 * @param evidenceFrom  the earliest time a log line or event in the inputs carries (ISO-8601), or {@code unknown}
 * @param evidenceTo    the latest such time, or {@code unknown}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "nameFrom", "nameConflict", "fqdn", "os", "osBuild", "exchange", "exchangeBuild", "exchangeCu", "collected",
        "evidenceFrom", "evidenceTo"})
public record HostSummary(String name, String nameFrom, String nameConflict, String fqdn, String os, String osBuild,
                          String exchange, String exchangeBuild, String exchangeCu, String collected,
                          String evidenceFrom, String evidenceTo) {

    public static final String UNKNOWN = "unknown";

    public static final HostSummary NOTHING_KNOWN = new HostSummary(null, null, null, null, null, null, null, null,
            null, null);

    /** A summary whose name came from a host profile (nothing to say about where from). */
    public HostSummary(String name, String fqdn, String os, String osBuild, String exchange, String exchangeBuild,
                       String exchangeCu, String collected, String evidenceFrom, String evidenceTo) {
        this(name, null, null, fqdn, os, osBuild, exchange, exchangeBuild, exchangeCu, collected, evidenceFrom,
                evidenceTo);
    }

    public HostSummary {
        name = known(name);
        nameFrom = nameFrom == null || nameFrom.isBlank() ? null : nameFrom;
        nameConflict = nameConflict == null || nameConflict.isBlank() ? null : nameConflict;
        fqdn = known(fqdn);
        os = known(os);
        osBuild = known(osBuild);
        exchange = known(exchange);
        exchangeBuild = known(exchangeBuild);
        exchangeCu = known(exchangeCu);
        collected = known(collected);
        evidenceFrom = known(evidenceFrom);
        evidenceTo = known(evidenceTo);
    }

    private static String known(String s) {
        return s == null || s.isBlank() ? UNKNOWN : s;
    }

    /** {@code EX01 (ex01.contoso.com)}, {@code EX01}, or {@code unknown}. */
    public String serverLine() {
        return UNKNOWN.equals(fqdn) || fqdn.equalsIgnoreCase(name) ? name : name + " (" + fqdn + ")";
    }

    /**
     * The header's server line: {@link #serverLine()}, then where the name came from when no host profile gave it
     * and any other server an input names: {@code EX02 (from the queue Identity, get-queue.txt:1; but ...)}.
     */
    public String serverLineWithOrigin() {
        String from = nameFrom == null ? "" : "from " + nameFrom;
        String also = nameConflict == null ? "" : (from.isEmpty() ? "" : "; ") + "but " + nameConflict;
        return from.isEmpty() && also.isEmpty() ? serverLine() : serverLine() + " (" + from + also + ")";
    }

    /** {@code Windows Server 2019 Standard, build 17763}. */
    public String osLine() {
        return UNKNOWN.equals(osBuild) ? os : os + ", build " + osBuild;
    }

    /**
     * {@code Exchange Server 2019 CU14 (build 15.2.1544.4)}, {@code Exchange Server 2016, later than CU9 (build ...)};
     * parts the inputs lack say unknown.
     */
    public String exchangeLine() {
        if (UNKNOWN.equals(exchange) && UNKNOWN.equals(exchangeBuild)) {
            return UNKNOWN;
        }
        String cu = UNKNOWN.equals(exchangeCu) ? ", CU unknown" : exchangeCu.startsWith("later than ")
                ? ", " + exchangeCu : " " + exchangeCu;
        return exchange + cu + " (build " + exchangeBuild + ")";
    }

    /** {@code 2025-01-14T08:00:01Z to 2025-01-14T09:12:44Z}, or {@code unknown}. */
    public String evidenceRange() {
        if (UNKNOWN.equals(evidenceFrom) && UNKNOWN.equals(evidenceTo)) {
            return UNKNOWN;
        }
        return evidenceFrom.equals(evidenceTo) ? local(evidenceFrom) : local(evidenceFrom) + " to " + local(evidenceTo);
    }

    /** A time without an offset (a queue's retry time, as Get-Queue writes it) is the server's local time. */
    private static String local(String time) {
        return time.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d") ? time + " (server local time)" : time;
    }
}
