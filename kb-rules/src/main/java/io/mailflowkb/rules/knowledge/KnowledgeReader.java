package io.mailflowkb.rules.knowledge;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.mailflowkb.model.bundle.KeyLines;
import io.mailflowkb.model.bundle.Mappers;
import io.mailflowkb.model.knowledge.KnowledgeFile;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Parses one knowledge file strictly: unknown keys, wrong types, aliases bombs and oversized files are errors. */
final class KnowledgeReader {

    /** Knowledge files are hand-written; anything larger is a mistake or an attack. */
    static final long MAX_FILE_BYTES = 1024 * 1024;

    private static final ObjectReader READER = Mappers.yaml().copy()
            .registerModule(new LocatingModule())
            .readerFor(KnowledgeFile.class);

    private KnowledgeReader() {
    }

    static KnowledgeFile read(Path file, String cited) {
        String text = "";
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw fail(cited, null, null, "file is " + size + " bytes; knowledge files are limited to "
                        + MAX_FILE_BYTES + " bytes");
            }
            byte[] bytes = Files.readAllBytes(file);
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            if (text.indexOf('\0') >= 0) {
                throw fail(cited, null, null, "binary content: not a YAML knowledge file");
            }
            if (text.isBlank()) {
                throw fail(cited, null, null, "empty file: a knowledge file needs at least knowledgeVersion");
            }
            KnowledgeFile parsed = READER.withAttribute(LocatingModule.FILE_ATTRIBUTE, cited).readValue(text);
            if (parsed == null) {
                throw fail(cited, 1, 1, "empty document");
            }
            if (parsed.knowledgeVersion() != KnowledgeFile.VERSION) {
                throw fail(cited, 1, 1, "knowledgeVersion must be " + KnowledgeFile.VERSION + ", got "
                        + parsed.knowledgeVersion());
            }
            return parsed;
        } catch (CharacterCodingException e) {
            throw fail(cited, null, null, "not UTF-8 text");
        } catch (UnrecognizedPropertyException e) {
            JsonLocation l = e.getLocation();
            throw fail(cited, KeyLines.find(text, e.getPropertyName(), line(l)), null, "unknown key '" + e.getPropertyName() + "' (allowed: "
                    + String.join(", ", e.getKnownPropertyIds().stream().map(Object::toString).sorted().toList()) + ")");
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            String msg = e.getOriginalMessage();
            if (msg != null && msg.length() > 240) {
                msg = msg.substring(0, 240) + "...";
            }
            throw fail(cited, line(l), column(l), describe(e, msg));
        } catch (IOException e) {
            throw fail(cited, null, null, "cannot read: " + e.getMessage());
        }
    }

    private static String describe(JsonProcessingException e, String msg) {
        if (e instanceof JsonMappingException m && m.getCause() instanceof IllegalArgumentException iae) {
            return iae.getMessage();
        }
        return msg == null ? "invalid YAML" : msg.replaceAll("\\s+", " ");
    }

    private static Integer line(JsonLocation l) {
        return l == null || l.getLineNr() < 1 ? null : l.getLineNr();
    }

    private static Integer column(JsonLocation l) {
        return l == null || l.getColumnNr() < 1 ? null : l.getColumnNr();
    }

    private static KnowledgeException fail(String file, Integer line, Integer column, String message) {
        return new KnowledgeException(List.of(new KnowledgeProblem(file, line, column, message)));
    }

    /** The mapper knowledge is written with, for tools that emit knowledge (tests, schema). */
    static ObjectMapper mapper() {
        return Mappers.yaml();
    }
}
