package io.mailflowkb.model.finding;

/** A document that backs a finding or a step. */
public record Reference(String title, String url) {
}
