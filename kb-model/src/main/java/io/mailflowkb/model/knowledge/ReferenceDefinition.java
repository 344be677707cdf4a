package io.mailflowkb.model.knowledge;

/**
 * A source a knowledge element relies on.
 *
 * @param title the document's title
 * @param url   where to read it
 * @param tag   the tag in the project's domain notes ({@code S1}...), when it has one
 */
public record ReferenceDefinition(String title, String url, String tag) {
}
