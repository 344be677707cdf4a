package io.mailflowkb.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.mailflowkb.model.InvalidInputException;
import io.mailflowkb.model.bundle.Mappers;
import io.mailflowkb.model.finding.Diagnosis;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Collectors;

/**
 * Reads {@code --baseline PREVIOUS.json}: an earlier {@code kb diagnose --format json} result. Fields this version
 * does not know are ignored (a baseline from a newer or older kb still compares by finding id); anything that is
 * not such a result is one line naming the file and line, never a parser's class names.
 */
final class BaselineFile {

    private static final ObjectReader READER = Mappers.json().readerFor(Diagnosis.class)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private BaselineFile() {
    }

    static Diagnosis read(Path file) {
        String name = file.toString();
        String text;
        try {
            if (!Files.isRegularFile(file)) {
                throw new InvalidInputException(name, null, "baseline not found (give an earlier kb diagnose --format "
                        + "json result)");
            }
            if (Files.size(file) > Mappers.MAX_DOCUMENT_CHARS) {
                throw new InvalidInputException(name, null, "baseline too large (" + Files.size(file)
                        + " bytes; the limit is " + Mappers.MAX_DOCUMENT_CHARS + ")");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException(name, null, "cannot read the baseline: " + e.getMessage(), e);
        }
        try {
            JsonNode tree = Mappers.json().readTree(text);
            if (tree == null || !tree.isObject() || !tree.path("findings").isArray()) {
                throw new InvalidInputException(name, 1, "not a kb diagnose --format json result (no \"findings\" list)");
            }
            return READER.readValue(tree);
        } catch (JsonParseException e) {
            throw new InvalidInputException(name, line(e.getLocation()), "not JSON: " + e.getOriginalMessage().replaceAll("(?s)\\s*\\(start marker.*|\\s*at \\[Source.*", ""));
        } catch (JsonMappingException e) {
            String path = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                    : String.valueOf(r.getIndex())).collect(Collectors.joining("."));
            String why = e.getPath().isEmpty() && e.getOriginalMessage().toLowerCase(java.util.Locale.ROOT).contains("trailing token")
                    ? "holds more than one JSON object (a --batch result?); give one server's --format json result"
                    : "not a kb diagnose --format json result: unexpected value at " + (path.isEmpty() ? "the top" : path);
            throw new InvalidInputException(name, line(e.getLocation()), why);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(name, line(e.getLocation()), "not a kb diagnose --format json result");
        } catch (IOException e) {
            throw new InvalidInputException(name, null, "cannot read the baseline: " + e.getMessage(), e);
        }
    }

    /**
     * When the baseline file was last written: the honest time of a baseline that carries none of its own (a
     * registry export has no time), said as what it is. {@code null} when the file system does not tell.
     */
    static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return null;
        }
    }

    private static Integer line(JsonLocation at) {
        return at == null || at.getLineNr() < 1 ? null : at.getLineNr();
    }
}
