package io.mailflowkb.cli.render;

/**
 * What a report shows beyond the diagnosis itself. Kept apart from {@link io.mailflowkb.model.finding.Diagnosis}
 * because it is about presentation (a title, an attached fix script), not about what the rules concluded.
 *
 * @param title     heading of the report; in batch runs it names the bundle
 * @param fixScript a script that carries out the remediation (from {@code --fix-script}), or {@code null};
 *                  the HTML report embeds it with a copy button, the Markdown report in a fenced block
 * @param textWidth columns the text report wraps prose at (the terminal's width, 80 when not a terminal)
 * @param fixNotes  with {@code --fix-script}: what the script leaves out and why (a decision of the administrator's
 *                  not made), or why no script was written; shown in the "Fix script" section of Markdown and HTML
 */
public record ReportContext(String title, String fixScript, int textWidth, java.util.List<String> fixNotes) {

    public static final String DEFAULT_TITLE = "Mail-flow diagnosis";

    public ReportContext {
        title = title == null || title.isBlank() ? DEFAULT_TITLE : title;
        fixScript = fixScript == null || fixScript.isBlank() ? null : fixScript;
        textWidth = textWidth <= 0 ? TextRenderer.WIDTH : textWidth;
        fixNotes = fixNotes == null ? java.util.List.of() : java.util.List.copyOf(fixNotes);
    }

    public ReportContext(String title, String fixScript, int textWidth) {
        this(title, fixScript, textWidth, java.util.List.of());
    }

    /** The same report with notes on what the fix script leaves out, or why there is none. */
    public ReportContext withFixNotes(java.util.List<String> notes) {
        return new ReportContext(title, fixScript, textWidth, notes);
    }

    /** The plain report: default title, no fix script. */
    public static ReportContext plain() {
        return new ReportContext(DEFAULT_TITLE, null, TextRenderer.WIDTH);
    }

    public ReportContext withTitle(String newTitle) {
        return new ReportContext(newTitle, fixScript, textWidth, fixNotes);
    }

    /** The same report with text wrapped at {@code columns}. */
    public ReportContext withTextWidth(int columns) {
        return new ReportContext(title, fixScript, columns, fixNotes);
    }

    /** The same report with the given script embedded (the hook for {@code --fix-script}). */
    public ReportContext withFixScript(String script) {
        return new ReportContext(title, script, textWidth, fixNotes);
    }
}
