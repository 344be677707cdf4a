package io.mailflowkb.cli.render;

import io.mailflowkb.model.finding.Diagnosis;

/** Turns a diagnosis into text for a reader. Renderers never decide anything: the diagnosis is final. */
public interface Renderer {
    String render(Diagnosis diagnosis);
}
