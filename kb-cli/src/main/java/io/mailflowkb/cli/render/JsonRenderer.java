package io.mailflowkb.cli.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailflowkb.model.bundle.Mappers;
import io.mailflowkb.model.finding.Diagnosis;
import java.io.UncheckedIOException;

/** The JSON contract of README.md (JSON output): one object with findings, missingEvidence and inputs. */
public final class JsonRenderer implements Renderer {

    /**
     * Builds the JSON mapper and its serializer for a diagnosis, which is most of what the first {@link #render}
     * costs in a fresh JVM; run ahead on another thread while the knowledge loads (kb-cli's HeadStart). Writes
     * nothing: the serializers are cached in the shared mapper, and what render writes does not depend on them
     * having been built early.
     */
    public static void prepare() {
        Mappers.json().writerFor(Diagnosis.class).with(Mappers.prettyPrinter());
    }

    @Override
    public String render(Diagnosis diagnosis) {
        try {
            return Mappers.json().writer(Mappers.prettyPrinter()).writeValueAsString(diagnosis) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One JSON Lines line for a batch run: {@code {"bundle": NAME, "findings": ..., "missingEvidence": ...,
     * "inputs": ...}}, the single-diagnosis object with the bundle's path first. The path is needed to tell lines
     * apart: for a bundle written by {@code kb collect}, {@code inputs[].source} names the raw exports instead.
     */
    public String renderLine(String bundle, Diagnosis diagnosis) {
        ObjectNode line = Mappers.json().createObjectNode();
        line.put("bundle", bundle);
        line.setAll((ObjectNode) Mappers.json().valueToTree(diagnosis));
        try {
            return Mappers.json().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(line) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
