package io.mailflowkb.cli.render;

import static io.mailflowkb.cli.render.HtmlText.escape;

import io.mailflowkb.model.finding.Comparison;
import io.mailflowkb.model.finding.Confirmation;
import io.mailflowkb.model.finding.Diagnosis;
import io.mailflowkb.model.finding.Evidence;
import io.mailflowkb.model.finding.Finding;
import io.mailflowkb.model.finding.InputSummary;
import io.mailflowkb.model.finding.MissingEvidence;
import io.mailflowkb.model.finding.Reference;
import io.mailflowkb.model.finding.RemediationStep;
import io.mailflowkb.model.finding.NotReexaminedFinding;
import io.mailflowkb.model.finding.ResolvedFinding;
import io.mailflowkb.model.finding.Severity;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One self-contained HTML page: inline CSS and one small inline script (copy buttons, expand all), no external
 * resource of any kind, and a Content-Security-Policy that only lets that script run. All text comes through
 * {@link HtmlText#escape}; element ids are generated counters (with a per-server prefix in fleet pages), never
 * input text.
 */
public final class HtmlRenderer implements Renderer {

    private final ReportContext context;
    static final HtmlAssets ASSETS = HtmlAssets.SHIPPED;

    public HtmlRenderer() {
        this(ReportContext.plain());
    }

    public HtmlRenderer(ReportContext context) {
        this.context = context;
    }

    @Override
    public String render(Diagnosis d) {
        StringBuilder b = new StringBuilder(16_384);
        open(b, context.title());
        report(b, d, context, "", "h1");
        close(b);
        return b.toString();
    }

    static void open(StringBuilder b, String title) {
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(ASSETS.contentSecurityPolicy())
                .append("\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
                .append("<title>").append(escape(title)).append("</title>\n<style>\n").append(ASSETS.css())
                .append("</style>\n</head>\n<body>\n");
    }

    static void close(StringBuilder b) {
        b.append("<footer>Mailflow KB report. Text from the inputs is shown as text and never run; this page loads nothing ")
                .append("from the network.</footer>\n<script>").append(ASSETS.script()).append("</script>\n</body>\n</html>\n");
    }

    /** One server's report; {@code prefix} keeps its element ids apart from other servers' on a fleet page. */
    static void report(StringBuilder b, Diagnosis d, ReportContext context, String prefix, String heading) {
        header(b, d, context.title(), prefix, heading);
        b.append("<main>\n");
        if (d.comparison() != null) {
            comparison(b, d.comparison(), prefix);
        }
        Map<String, String> anchors = new HashMap<>();
        for (int i = 0; i < d.findings().size(); i++) {
            anchors.put(d.findings().get(i).id(), prefix + "f" + i);
        }
        FlowPicture.render(b, d.mailFlow(), d.host().name(), prefix, anchors);
        int[] commandIds = {0};
        for (int i = 0; i < d.findings().size(); i++) {
            finding(b, d, d.findings().get(i), prefix + "f" + i, prefix, commandIds, anchors);
        }
        if (context.fixScript() != null || !context.fixNotes().isEmpty()) {
            b.append("<section class=\"finding\" id=\"").append(prefix).append("fix-script\">\n<h2>Fix script</h2>\n");
            for (String n : context.fixNotes()) {
                b.append("<p class=\"warnings\">").append(escape(n)).append("</p>\n");
            }
            if (context.fixScript() != null) {
                b.append("<p class=\"meta\">Review before running: it changes the registry.</p>\n");
                command(b, context.fixScript(), prefix + "fix-script-text");
            }
            b.append("</section>\n");
        }
        confirmed(b, d, prefix);
        missing(b, d, prefix);
        inputs(b, d, prefix);
        b.append("</main>\n");
    }

    private static void header(StringBuilder b, Diagnosis d, String title, String prefix, String heading) {
        b.append("<header>\n<").append(heading).append(">").append(escape(title)).append("</").append(heading)
                .append(">\n<dl class=\"host\">\n");
        for (ReportHeader h : ReportHeader.of(d)) {
            b.append("<dt>").append(escape(h.label())).append("</dt><dd>").append(escape(h.value())).append("</dd>\n");
        }
        b.append("</dl>\n<p class=\"verdict\">").append(escape(Verdict.of(d)))
                .append("</p>\n<div class=\"strip\">");
        for (Severity s : Severity.values()) {
            long n = d.findings().stream().filter(f -> f.severity() == s).count();
            b.append("<span class=\"pill ").append(s.id()).append(n == 0 ? " zero" : "").append("\">").append(n)
                    .append(' ').append(s.id()).append("</span>");
        }
        int facts = d.inputs().stream().mapToInt(InputSummary::facts).sum();
        b.append("<span class=\"pill\">").append(d.inputs().size()).append(d.inputs().size() == 1 ? " input, " : " inputs, ")
                .append(facts).append(facts == 1 ? " fact" : " facts").append("</span></div>\n");
        if (!d.findings().isEmpty()) {
            b.append("<table class=\"summary\">\n<thead><tr><th>Severity</th><th>Finding</th><th>Title</th>")
                    .append("<th>Direction</th></tr></thead>\n<tbody>\n");
            for (int i = 0; i < d.findings().size(); i++) {
                Finding f = d.findings().get(i);
                b.append("<tr><td><span class=\"badge ").append(f.severity().id()).append("\">").append(label(f))
                        .append("</span></td><td><a href=\"#").append(prefix).append('f').append(i).append("\"><code>")
                        .append(escape(f.id())).append("</code></a></td><td>").append(escape(Likely.title(f)))
                        .append("</td><td>").append(escape(f.direction().id())).append("</td></tr>\n");
            }
            b.append("</tbody>\n</table>\n<div class=\"toolbar\"><button type=\"button\" data-toggle-all=\"")
                    .append(prefix).append("\">Expand all</button></div>\n");
        }
        b.append("</header>\n");
    }

    private static void comparison(StringBuilder b, Comparison c, String prefix) {
        b.append("<section class=\"finding comparison\" id=\"").append(prefix).append("comparison\">\n<h2>")
                .append(c.resolved().isEmpty() ? "Compared with the baseline" : "Resolved since " + escape(c.sinceText()))
                .append("</h2>\n<p class=\"meta\">Baseline <code>").append(escape(c.baseline())).append("</code> (as of ")
                .append(escape(c.sinceText())).append("): ").append(c.resolved().size()).append(" resolved, ")
                .append(c.notReexamined().isEmpty() ? "" : c.notReexamined().size() + " not re-examined, ")
                .append(c.stillPresent().size()).append(" still present, ").append(c.newIds().size()).append(" new.</p>\n");
        if (c.warning() != null) {
            b.append("<p class=\"warnings\"><strong>Warning:</strong> ").append(escape(c.warning())).append("</p>\n");
        }
        if (!c.resolved().isEmpty()) {
            b.append("<ul>\n");
            for (ResolvedFinding r : c.resolved()) {
                b.append("<li><span class=\"badge resolved\">RESOLVED</span><code>").append(escape(r.id()))
                        .append("</code> (").append(r.severity().id()).append(") ").append(escape(r.title()))
                        .append("\n<ul class=\"evidence\">\n");
                for (Evidence e : r.evidence()) {
                    b.append("<li>was: <code>").append(escape(e.source())).append("</code> ").append(escape(e.fact()))
                            .append("</li>\n");
                }
                b.append("</ul></li>\n");
            }
            b.append("</ul>\n");
        }
        if (!c.notReexamined().isEmpty()) {
            b.append("<h3>Not re-examined</h3>\n<p class=\"meta\">The evidence that proved these was not given again,"
                    + " so they may still be there.</p>\n<ul>\n");
            for (NotReexaminedFinding r : c.notReexamined()) {
                b.append("<li><span class=\"badge not-reexamined\">NOT RE-EXAMINED</span><code>").append(escape(r.id()))
                        .append("</code> (").append(r.severity().id()).append(") ").append(escape(r.title()))
                        .append("\n<ul class=\"evidence\">\n<li>collect again: ")
                        .append(escape(String.join(", ", r.collect()))).append("</li>\n");
                for (Evidence e : r.evidence()) {
                    b.append("<li>was: <code>").append(escape(e.source())).append("</code> ").append(escape(e.fact()))
                            .append("</li>\n");
                }
                b.append("</ul></li>\n");
            }
            b.append("</ul>\n");
        }
        b.append("</section>\n");
    }

    private static void finding(StringBuilder b, Diagnosis d, Finding f, String id, String prefix, int[] commandIds,
                                Map<String, String> anchors) {
        b.append("<section class=\"finding ").append(f.severity().id()).append("\" id=\"").append(id).append("\">\n<h2>")
                .append("<span class=\"badge ").append(f.severity().id()).append("\">").append(label(f)).append("</span>");
        if (f.status() != null) {
            b.append("<span class=\"badge status\">").append(f.status().id().toUpperCase(Locale.ROOT)).append("</span>");
        }
        b.append(escape(Likely.title(f))).append("</h2>\n<p class=\"meta\"><code>").append(escape(f.id()))
                .append("</code> · ").append(escape(f.direction().id())).append(" · <code>").append(escape(f.rule()))
                .append("</code></p>\n");
        if (f.summary() != null) {
            b.append("<p class=\"summary-text\">").append(escape(f.summary())).append("</p>\n");
        }
        if (Likely.applies(f)) {
            b.append("<p class=\"likely\">").append(escape(Likely.line(f))).append("</p>\n");
        }
        if (!f.causedBy().isEmpty()) {
            b.append("<p class=\"meta\">Caused by ");
            for (int i = 0; i < f.causedBy().size(); i++) {
                String cause = f.causedBy().get(i);
                b.append(i == 0 ? "" : ", ").append("<a href=\"#").append(anchors.getOrDefault(cause, prefix))
                        .append("\"><code>").append(escape(cause)).append("</code></a>");
            }
            b.append(" (above).</p>\n");
        }
        if (!f.remediation().isEmpty()) {
            b.append("<p class=\"first\"><strong>Do this first:</strong> ").append(escape(f.remediation().get(0).text()))
                    .append("</p>\n");
        }
        // critical findings show their proof at once; the rest fold away until asked for (print expands all)
        b.append("<details class=\"evidence\"").append(f.severity() == Severity.CRITICAL ? " open" : "")
                .append("><summary>Evidence (").append(f.evidence().size())
                .append(")</summary>\n<ul class=\"evidence\">\n");
        for (Evidence e : f.evidence()) {
            b.append("<li><code>").append(escape(e.source())).append("</code> ").append(escape(e.fact())).append("</li>\n");
        }
        b.append("</ul>\n</details>\n");
        if (!f.remediation().isEmpty()) {
            b.append("<h3>Steps</h3>\n<ol class=\"steps\">\n");
            for (RemediationStep s : f.remediation()) {
                b.append("<li><p>").append(escape(s.text())).append("</p>\n");
                for (String c : s.commands()) {
                    command(b, c, prefix + "cmd" + commandIds[0]++);
                }
                b.append("</li>\n");
            }
            b.append("</ol>\n");
        }
        if (!f.references().isEmpty()) {
            b.append("<h3>References</h3>\n<ul>\n");
            for (Reference r : f.references()) {
                String title = escape(r.title() == null || r.title().isBlank() ? r.url() : r.title());
                if (HtmlText.linkable(r.url())) {
                    b.append("<li><a href=\"").append(escape(r.url())).append("\" rel=\"noopener noreferrer\">")
                            .append(title).append("</a></li>\n");
                } else {
                    b.append("<li>").append(title).append(" <code>").append(escape(r.url())).append("</code></li>\n");
                }
            }
            b.append("</ul>\n");
        }
        b.append("</section>\n");
    }

    private static void command(StringBuilder b, String text, String id) {
        b.append("<div class=\"cmd\"><pre id=\"").append(id).append("\"><code>").append(escape(text))
                .append("</code></pre><button type=\"button\" class=\"copy\" data-copy=\"").append(id)
                .append("\">Copy</button></div>\n");
    }

    private static void confirmed(StringBuilder b, Diagnosis d, String prefix) {
        if (d.confirmations().isEmpty() && d.notExamined().isEmpty()) {
            return;
        }
        b.append("<section class=\"finding confirmed\" id=\"").append(prefix).append("confirmed\">\n");
        if (!d.confirmations().isEmpty()) {
            b.append("<h2>Confirmed</h2>\n<ul>\n");
            for (Confirmation c : d.confirmations()) {
                b.append("<li>").append(escape(c.what())).append(" <code>").append(escape(c.source())).append("</code></li>\n");
            }
            b.append("</ul>\n");
        }
        if (!d.notExamined().isEmpty()) {
            b.append("<h3>Not looked at</h3>\n<ul>\n");
            d.notExamined().forEach(n -> b.append("<li>").append(escape(n)).append("</li>\n"));
            b.append("</ul>\n");
        }
        b.append("</section>\n");
    }

    private static void missing(StringBuilder b, Diagnosis d, String prefix) {
        if (d.missingEvidence().isEmpty()) {
            return;
        }
        b.append("<section class=\"finding\" id=\"").append(prefix).append("missing\">\n<h2>Missing evidence</h2>\n<ul>\n");
        for (MissingEvidence m : d.missingEvidence()) {
            b.append("<li><strong>").append(escape(m.what())).append("</strong><br>Why: ").append(escape(m.why()))
                    .append("<br>How: <code>").append(escape(m.how())).append("</code></li>\n");
        }
        b.append("</ul>\n</section>\n");
    }

    private static void inputs(StringBuilder b, Diagnosis d, String prefix) {
        if (d.inputs().isEmpty()) {
            return;
        }
        b.append("<section class=\"finding\" id=\"").append(prefix).append("inputs\">\n<h2>Inputs</h2>\n<ul>\n");
        for (InputSummary i : d.inputs()) {
            b.append("<li><code>").append(escape(i.source())).append("</code> (").append(escape(i.collector())).append(", ")
                    .append(i.facts()).append(i.facts() == 1 ? " fact" : " facts");
            if (i.skipped() != null) {
                b.append(", skipped: ").append(escape(i.skipped()));
            }
            b.append(")");
            if (!i.warnings().isEmpty()) {
                b.append("\n<ul class=\"warnings\">\n");
                i.warnings().forEach(w -> b.append("<li>warning: ").append(escape(w)).append("</li>\n"));
                b.append("</ul>");
            }
            b.append("</li>\n");
        }
        b.append("</ul>\n</section>\n");
    }

    private static String label(Finding f) {
        return f.severity().id().toUpperCase(Locale.ROOT);
    }
}
