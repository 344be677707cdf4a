package io.mailflowkb.cli.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.mailflowkb.model.bundle.Mappers;
import io.mailflowkb.model.finding.Diagnosis;
import java.io.UncheckedIOException;

/** The JSON contract of design.md section 3: one object with findings, missingEvidence and inputs. */
public final class JsonRenderer implements Renderer {

    @Override
    public String render(Diagnosis diagnosis) {
        try {
            return Mappers.json().writer(Mappers.prettyPrinter()).writeValueAsString(diagnosis) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line per diagnosis, for JSON Lines output of batch runs. */
    public String renderLine(Diagnosis diagnosis) {
        try {
            return Mappers.json().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(diagnosis) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
