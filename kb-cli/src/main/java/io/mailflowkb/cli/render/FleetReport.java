package io.mailflowkb.cli.render;

import static io.mailflowkb.cli.render.HtmlText.escape;

import io.mailflowkb.model.finding.Diagnosis;
import io.mailflowkb.model.finding.Finding;
import io.mailflowkb.model.finding.HostSummary;
import io.mailflowkb.model.finding.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Several servers in one report ({@code kb diagnose --batch DIR --format markdown|html}): a fleet summary first, one
 * row per server (name, Windows, Exchange build, worst severity, finding ids), worst first; then each server's own
 * report in input order. The HTML page is one document: each server's element ids carry a prefix ({@code s0-}).
 */
public final class FleetReport {

    /** One server: the input it was read from, as given, and its diagnosis. */
    public record Server(String input, Diagnosis diagnosis) {
    }

    private FleetReport() {
    }

    /** Worst severity first (servers without findings last), then server name, then input. */
    static List<Integer> worstFirst(List<Server> servers) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingInt(i -> rank(servers.get(i).diagnosis()))
                .thenComparing(i -> servers.get(i).diagnosis().host().name())
                .thenComparing(i -> servers.get(i).input()));
        return order;
    }

    private static int rank(Diagnosis d) {
        Finding worst = d.mostSevere();
        return worst == null ? Severity.values().length : worst.severity().ordinal();
    }

    static String worst(Diagnosis d) {
        Finding worst = d.mostSevere();
        return worst == null ? "none" : worst.severity().id().toUpperCase(Locale.ROOT);
    }

    static String exchange(HostSummary h) {
        return HostSummary.UNKNOWN.equals(h.exchangeBuild()) ? HostSummary.UNKNOWN
                : h.exchangeBuild() + (HostSummary.UNKNOWN.equals(h.exchangeCu()) ? "" : " (" + h.exchangeCu() + ")");
    }

    static String title(int servers) {
        return ReportContext.DEFAULT_TITLE + ": " + servers + (servers == 1 ? " server" : " servers");
    }

    public static String markdown(List<Server> servers) {
        StringBuilder b = new StringBuilder();
        b.append("# ").append(MarkdownText.inline(title(servers.size()))).append("\n\n")
                .append("| Server | Input | Windows | Exchange build | Worst | Findings |\n|---|---|---|---|---|---|\n");
        for (int i : worstFirst(servers)) {
            Diagnosis d = servers.get(i).diagnosis();
            List<String> ids = d.findings().stream().map(Finding::id).toList();
            b.append("| ").append(MarkdownText.cell(d.host().serverLine())).append(" | ")
                    .append(MarkdownText.cell(servers.get(i).input())).append(" | ")
                    .append(MarkdownText.cell(d.host().osLine())).append(" | ")
                    .append(MarkdownText.cell(exchange(d.host()))).append(" | ").append(worst(d)).append(" | ")
                    .append(MarkdownText.cell(ids.isEmpty() ? "none" : String.join(", ", ids))).append(" |\n");
        }
        b.append("\n");
        for (Server s : servers) {
            b.append("---\n\n").append(new MarkdownRenderer(ReportContext.plain()
                    .withTitle(ReportContext.DEFAULT_TITLE + ": " + s.input())).render(s.diagnosis()));
        }
        return b.toString();
    }

    public static String html(List<Server> servers) {
        StringBuilder b = new StringBuilder(32_768);
        String title = title(servers.size());
        HtmlRenderer.open(b, title);
        b.append("<header>\n<h1>").append(escape(title)).append("</h1>\n<table class=\"fleet\">\n<thead><tr>")
                .append("<th>Server</th><th>Input</th><th>Windows</th><th>Exchange build</th><th>Worst</th>")
                .append("<th>Findings</th></tr></thead>\n<tbody>\n");
        for (int i : worstFirst(servers)) {
            Diagnosis d = servers.get(i).diagnosis();
            String sev = worst(d);
            b.append("<tr><td><a href=\"#s").append(i).append("\">").append(escape(d.host().serverLine()))
                    .append("</a></td><td><code>").append(escape(servers.get(i).input())).append("</code></td><td>")
                    .append(escape(d.host().osLine())).append("</td><td>").append(escape(exchange(d.host())))
                    .append("</td><td>").append(sev.equals("none") ? "none" : "<span class=\"badge "
                            + sev.toLowerCase(Locale.ROOT) + "\">" + sev + "</span>").append("</td><td>");
            if (d.findings().isEmpty()) {
                b.append("none");
            }
            for (int f = 0; f < d.findings().size(); f++) {
                b.append(f == 0 ? "" : ", ").append("<a href=\"#s").append(i).append("-f").append(f).append("\"><code>")
                        .append(escape(d.findings().get(f).id())).append("</code></a>");
            }
            b.append("</td></tr>\n");
        }
        b.append("</tbody>\n</table>\n</header>\n");
        for (int i = 0; i < servers.size(); i++) {
            Server s = servers.get(i);
            b.append("<article class=\"server\" id=\"s").append(i).append("\">\n");
            HtmlRenderer.report(b, s.diagnosis(), ReportContext.plain().withTitle(s.diagnosis().host().serverLine()
                    + " · " + s.input()), "s" + i + "-", "h1");
            b.append("</article>\n");
        }
        HtmlRenderer.close(b);
        return b.toString();
    }
}
