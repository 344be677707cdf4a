package io.mailflowkb.cli.render;

import static io.mailflowkb.cli.render.HtmlText.escape;

import io.mailflowkb.model.finding.Diagnosis;
import io.mailflowkb.model.finding.Evidence;
import io.mailflowkb.model.finding.Finding;
import io.mailflowkb.model.finding.InputSummary;
import io.mailflowkb.model.finding.MissingEvidence;
import io.mailflowkb.model.finding.Reference;
import io.mailflowkb.model.finding.RemediationStep;
import io.mailflowkb.model.finding.Severity;
import java.util.Locale;

/**
 * One self-contained HTML page: inline CSS and one small inline script (copy buttons, expand all), no external
 * resource of any kind, and a Content-Security-Policy that only lets that script run. All text comes through
 * {@link HtmlText#escape}; element ids are generated counters, never input text.
 */
public final class HtmlRenderer implements Renderer {

    private final ReportContext context;
    private final HtmlAssets assets = HtmlAssets.SHIPPED;

    public HtmlRenderer() {
        this(ReportContext.plain());
    }

    public HtmlRenderer(ReportContext context) {
        this.context = context;
    }

    @Override
    public String render(Diagnosis d) {
        StringBuilder b = new StringBuilder(16_384);
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(assets.contentSecurityPolicy())
                .append("\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
                .append("<title>").append(escape(context.title())).append("</title>\n<style>\n").append(assets.css())
                .append("</style>\n</head>\n<body>\n");
        header(b, d);
        b.append("<main>\n");
        int commandIds = 0;
        for (int i = 0; i < d.findings().size(); i++) {
            commandIds = finding(b, d.findings().get(i), i, commandIds);
        }
        if (context.fixScript() != null) {
            b.append("<section class=\"finding\" id=\"fix-script\">\n<h2>Fix script</h2>\n")
                    .append("<p class=\"meta\">Review before running: it changes the registry.</p>\n");
            command(b, context.fixScript(), "fix-script-text");
            b.append("</section>\n");
        }
        missing(b, d);
        inputs(b, d);
        b.append("</main>\n<footer>Mailflow KB report. Text from the inputs is shown as text and never run; this page loads nothing ")
                .append("from the network.</footer>\n<script>").append(assets.script()).append("</script>\n</body>\n</html>\n");
        return b.toString();
    }

    private void header(StringBuilder b, Diagnosis d) {
        long problems = d.findings().stream().filter(f -> f.severity().failsRun()).count();
        b.append("<header>\n<h1>").append(escape(context.title())).append("</h1>\n<p class=\"verdict\">")
                .append(problems == 0 ? "No mail-flow problem found at warning or above."
                        : problems + (problems == 1 ? " problem" : " problems") + " found.")
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
                        .append("</span></td><td><a href=\"#f").append(i).append("\"><code>").append(escape(f.id()))
                        .append("</code></a></td><td>").append(escape(f.title())).append("</td><td>")
                        .append(escape(f.direction().id())).append("</td></tr>\n");
            }
            b.append("</tbody>\n</table>\n<div class=\"toolbar\"><button type=\"button\" id=\"toggle-all\">")
                    .append("Expand all</button></div>\n");
        }
        b.append("</header>\n");
    }

    private int finding(StringBuilder b, Finding f, int index, int commandIds) {
        b.append("<section class=\"finding ").append(f.severity().id()).append("\" id=\"f").append(index).append("\">\n<h2>")
                .append("<span class=\"badge ").append(f.severity().id()).append("\">").append(label(f)).append("</span>")
                .append(escape(f.title())).append("</h2>\n<p class=\"meta\"><code>").append(escape(f.id()))
                .append("</code> · ").append(escape(f.direction().id())).append(" · <code>").append(escape(f.rule()))
                .append("</code></p>\n");
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
        int ids = commandIds;
        if (!f.remediation().isEmpty()) {
            b.append("<h3>Steps</h3>\n<ol class=\"steps\">\n");
            for (RemediationStep s : f.remediation()) {
                b.append("<li><p>").append(escape(s.text())).append("</p>\n");
                for (String c : s.commands()) {
                    command(b, c, "cmd" + ids++);
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
        return ids;
    }

    private static void command(StringBuilder b, String text, String id) {
        b.append("<div class=\"cmd\"><pre id=\"").append(id).append("\"><code>").append(escape(text))
                .append("</code></pre><button type=\"button\" class=\"copy\" data-copy=\"").append(id)
                .append("\">Copy</button></div>\n");
    }

    private static void missing(StringBuilder b, Diagnosis d) {
        if (d.missingEvidence().isEmpty()) {
            return;
        }
        b.append("<section class=\"finding\" id=\"missing\">\n<h2>Missing evidence</h2>\n<ul>\n");
        for (MissingEvidence m : d.missingEvidence()) {
            b.append("<li><strong>").append(escape(m.what())).append("</strong><br>Why: ").append(escape(m.why()))
                    .append("<br>How: <code>").append(escape(m.how())).append("</code></li>\n");
        }
        b.append("</ul>\n</section>\n");
    }

    private static void inputs(StringBuilder b, Diagnosis d) {
        if (d.inputs().isEmpty()) {
            return;
        }
        b.append("<section class=\"finding\" id=\"inputs\">\n<h2>Inputs</h2>\n<ul>\n");
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
