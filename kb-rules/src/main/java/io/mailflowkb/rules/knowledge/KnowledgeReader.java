package io.mailflowkb.rules.knowledge;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.mailflowkb.model.bundle.KeyLines;
import io.mailflowkb.model.bundle.ParseErrors;
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
        List<KnowledgeProblem> unknown = new java.util.ArrayList<>();
        KnowledgeFile parsed = read(file, cited, unknown);
        if (!unknown.isEmpty()) {
            throw new KnowledgeException(unknown);
        }
        return parsed;
    }

    /**
     * Parses the file; unknown keys do not stop the parse: each is added to {@code unknownKeys} (with its line and
     * column) and skipped, so one run reports every unknown key and, in the loader, every other problem of the file.
     */
    static KnowledgeFile read(Path file, String cited, List<KnowledgeProblem> unknownKeys) {
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
            rejectAliases(text, cited);
            String source = text;
            // a second key of the same name would silently replace the first (an attacker's or a typo's override)
            KnowledgeFile parsed = READER.with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .withAttribute(LocatingModule.FILE_ATTRIBUTE, cited)
                    .withHandler(new DeserializationProblemHandler() {
                        @Override
                        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p,
                                                             JsonDeserializer<?> deserializer, Object beanOrClass,
                                                             String propertyName) throws IOException {
                            Integer keyLine = KeyLines.find(source, propertyName, line(p.currentLocation()));
                            // 'at' is the element's own location, stamped by the loader, never written in a file
                            List<String> known = deserializer.getKnownPropertyNames().stream()
                                    .map(Object::toString).filter(n -> !n.equals("at")).sorted().toList();
                            unknownKeys.add(new KnowledgeProblem(cited, keyLine, keyColumn(source, keyLine, propertyName),
                                    "unknown key '" + propertyName + "' (allowed: " + String.join(", ", known) + ")"));
                            p.skipChildren();
                            return true;
                        }

                        // a value of the wrong form (severity: urgent, a list where a text goes): reported at its
                        // place and read as absent, so the rest of the file is still checked
                        @Override
                        public Object handleInstantiationProblem(DeserializationContext ctxt, Class<?> instClass,
                                                                 Object argument, Throwable t) {
                            String why = t instanceof IllegalArgumentException && t.getMessage() != null
                                    ? t.getMessage() : "cannot read " + instClass.getSimpleName() + " here";
                            wrongValue(ctxt, why);
                            return null;
                        }

                        @Override
                        public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType,
                                                            JsonToken t, JsonParser p, String failureMsg)
                                throws IOException {
                            wrongValue(ctxt, "expected " + shown(targetType) + ", got " + shown(t));
                            p.skipChildren();
                            return null;
                        }

                        @Override
                        public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> instClass,
                                                                com.fasterxml.jackson.databind.deser.ValueInstantiator inst,
                                                                JsonParser p, String msg) throws IOException {
                            wrongValue(ctxt, "expected " + shown(ctxt.constructType(instClass)) + ", got "
                                    + shown(p.currentToken()));
                            p.skipChildren();
                            return null;
                        }

                        @Override
                        public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType,
                                                             String valueToConvert, String failureMsg) {
                            wrongValue(ctxt, "'" + valueToConvert + "' is not a valid " + targetType.getSimpleName());
                            return null;
                        }

                        private void wrongValue(DeserializationContext ctxt, String why) {
                            JsonLocation l = ctxt.getParser() == null ? null : ctxt.getParser().currentLocation();
                            unknownKeys.add(new KnowledgeProblem(cited, line(l), column(l), why));
                        }
                    }).readValue(text);
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
            Integer keyLine = KeyLines.find(text, e.getPropertyName(), line(l));
            throw fail(cited, keyLine, keyColumn(text, keyLine, e.getPropertyName()), "unknown key '" + e.getPropertyName() + "' (allowed: "
                    + String.join(", ", e.getKnownPropertyIds().stream().map(Object::toString).sorted().toList()) + ")");
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            throw fail(cited, line(l), column(l), describe(e));
        } catch (IOException e) {
            throw fail(cited, null, null, "cannot read: " + e.getMessage());
        }
    }

    /** In words: Jackson's own messages name Java types ("Cannot deserialize value of type `java.lang.String`"). */
    private static String describe(JsonProcessingException e) {
        if (e instanceof JsonMappingException m && m.getCause() instanceof IllegalArgumentException iae) {
            return iae.getMessage();
        }
        return ParseErrors.reason(e);
    }

    /**
     * Knowledge files never need anchors or aliases, and aliases are how "billion laughs" files blow up: refuse
     * them outright, at the first one, before any mapping happens. Event parsing is linear in the file size.
     */
    private static void rejectAliases(String text, String cited) {
        org.yaml.snakeyaml.LoaderOptions options = new org.yaml.snakeyaml.LoaderOptions();
        options.setMaxAliasesForCollections(0);
        try {
            for (org.yaml.snakeyaml.events.Event e : new org.yaml.snakeyaml.Yaml(options).parse(new java.io.StringReader(text))) {
                boolean anchored = e instanceof org.yaml.snakeyaml.events.NodeEvent n && n.getAnchor() != null;
                if (anchored || e instanceof org.yaml.snakeyaml.events.AliasEvent) {
                    org.yaml.snakeyaml.error.Mark m = e.getStartMark();
                    throw fail(cited, m.getLine() + 1, m.getColumn() + 1,
                            "YAML anchors and aliases (&name, *name) are not allowed in knowledge files");
                }
            }
        } catch (org.yaml.snakeyaml.error.MarkedYAMLException e) {
            org.yaml.snakeyaml.error.Mark m = e.getProblemMark();
            throw fail(cited, m == null ? null : m.getLine() + 1, m == null ? null : m.getColumn() + 1,
                    "invalid YAML: " + e.getProblem());
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            throw fail(cited, null, null, "invalid YAML: " + e.getMessage());
        }
    }

    private static String shown(JavaType type) {
        Class<?> c = type.getRawClass();
        return java.util.Collection.class.isAssignableFrom(c) ? "a list" : c == String.class ? "a text"
                : Number.class.isAssignableFrom(c) || c.isPrimitive() ? "a number" : "a mapping (key: value)";
    }

    private static String shown(JsonToken t) {
        return switch (t) {
            case START_ARRAY -> "a list";
            case START_OBJECT -> "a mapping";
            case VALUE_STRING -> "a text";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "true/false";
            case VALUE_NULL -> "nothing";
            default -> String.valueOf(t);
        };
    }

    /** The 1-based column where the key starts on its line (Jackson reports where the parser stopped instead). */
    static Integer keyColumn(String text, Integer line, String key) {
        if (line == null || key == null) {
            return null;
        }
        String[] lines = text.split("\r\n|\r|\n", -1);
        if (line < 1 || line > lines.length) {
            return null;
        }
        int at = lines[line - 1].indexOf(key);
        return at < 0 ? null : at + 1;
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

}
