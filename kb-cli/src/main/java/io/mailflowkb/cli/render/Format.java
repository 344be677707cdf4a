package io.mailflowkb.cli.render;

import java.util.Locale;

/** Output formats of {@code kb diagnose}. */
public enum Format {
    TEXT, JSON, MARKDOWN, HTML;

    public Renderer renderer(boolean color) {
        return switch (this) {
            case TEXT -> new TextRenderer(color);
            case JSON -> new JsonRenderer();
            case MARKDOWN, HTML -> throw new UnsupportedOperationException(
                    "--format " + name().toLowerCase(Locale.ROOT) + " is not available in this build yet");
        };
    }
}
