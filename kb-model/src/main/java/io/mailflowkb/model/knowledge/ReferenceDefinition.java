package io.mailflowkb.model.knowledge;

/**
 * A source a knowledge element relies on.
 *
 * @param title the document's title
 * @param url   where to read it
 * @param tag   the source tag ({@code S1}...), when it has one, as the code cites sources (docs/sources.md)
 */
public record ReferenceDefinition(String title, String url, String tag) {
}
