package io.mailflowkb.plugins.psobject;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.mailflowkb.model.InvalidInputException;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads {@code ConvertTo-Json} output into {@link PsValue}s: a top-level array gives one value per element (paths
 * {@code [0]}, {@code [1]}, ...), a single object gives one value. Objects keep their properties as members, arrays
 * become item lists, numbers stay numbers (enums are decoded later with {@link EnumTable}). Bounded: nesting,
 * document size and string length are capped by Jackson's read constraints.
 */
public final class PsJsonReader {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(64)
                    .maxDocumentLength(64L * 1024 * 1024)
                    .maxStringLength(4 * 1024 * 1024)
                    .build())
            .build();

    private PsJsonReader() {
    }

    /** @throws InvalidInputException when the text is not JSON, naming the source and line */
    public static void read(Reader in, String source, Consumer<PsValue> out) {
        try (JsonParser p = FACTORY.createParser(in)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new InvalidInputException(source, null, "empty JSON document");
            }
            if (t == JsonToken.START_ARRAY) {
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    out.accept(value(p, "[" + i++ + "]"));
                }
            } else {
                out.accept(value(p, ""));
            }
            if (p.nextToken() != null) {
                throw new InvalidInputException(source, p.currentLocation().getLineNr(), "text after the JSON document");
            }
        } catch (JsonProcessingException e) {
            Integer line = e.getLocation() == null ? null : e.getLocation().getLineNr();
            throw new InvalidInputException(source, line != null && line > 0 ? line : null,
                    "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidInputException(source, null, "cannot read: " + e.getMessage(), e);
        }
    }

    private static PsValue value(JsonParser p, String path) throws IOException {
        Integer line = p.currentTokenLocation().getLineNr();
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, PsValue> members = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    members.putIfAbsent(name, value(p, path.isEmpty() ? name : path + "." + name));
                }
                return new PsValue.Obj(List.of(), null, members, List.of(), Map.of(), null, path, line);
            }
            case START_ARRAY -> {
                List<PsValue> items = new ArrayList<>();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(value(p, path + "[" + i++ + "]"));
                }
                return new PsValue.Obj(List.of(), null, Map.of(), items, Map.of(), null, path, line);
            }
            case VALUE_NULL -> {
                return new PsValue.Nil(path, line);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new PsValue.Scalar("JSON-BOOL", p.getText(), path, line);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new PsValue.Scalar("JSON-NUMBER", p.getText(), path, line);
            }
            default -> {
                return new PsValue.Scalar("JSON-STRING", p.getText(), path, line);
            }
        }
    }
}
