package io.mailflowkb.cli.render;

/** Output formats of {@code kb diagnose}. */
public enum Format {
    TEXT, JSON, MARKDOWN, HTML;

    public Renderer renderer(boolean color) {
        return renderer(color, ReportContext.plain());
    }

    /** A renderer for this format; {@code context} (title, fix script) is used by the Markdown and HTML reports. */
    public Renderer renderer(boolean color, ReportContext context) {
        return switch (this) {
            case TEXT -> new TextRenderer(color, context.textWidth());
            case JSON -> new JsonRenderer();
            case MARKDOWN -> new MarkdownRenderer(context);
            case HTML -> new HtmlRenderer(context);
        };
    }
}
