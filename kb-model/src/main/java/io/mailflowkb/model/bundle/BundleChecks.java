package io.mailflowkb.model.bundle;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.mailflowkb.model.InvalidInputException;
import io.mailflowkb.model.fact.FlowDirection;
import io.mailflowkb.model.fact.PeerClass;
import io.mailflowkb.model.fact.TlsResult;
import io.mailflowkb.model.fact.WireValue;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * What a bundle must be before it is mapped to records, checked in one streaming pass that knows the line of
 * every value: the same size limits for YAML as for JSON, no duplicate keys (YAML's last-wins would let a
 * second {@code host:} silently wipe the first), no anchors or aliases (a bundle never needs them; an undefined
 * alias would otherwise read as text), {@code schemaVersion} a whole number, counts and builds not negative, and
 * the closed vocabularies closed. A failure names the file and line.
 */
final class BundleChecks {

    /** Longest line of a YAML bundle: SnakeYAML's scanner slows down quadratically on one huge token. */
    static final int MAX_LINE_CHARS = Mappers.MAX_STRING_CHARS;

    /** Sections that are lists of fact objects, and the one that is an object. */
    private static final Set<String> LISTS = Set.of("registryKeys", "registry", "symptoms", "tls", "events",
            "probes", "certificates", "inputs");

    /** Numbers that cannot be negative, by section. */
    private static final Map<String, Set<String>> NON_NEGATIVE = Map.of(
            "host", Set.of("windowsBuild", "dotNetRelease"),
            "symptoms", Set.of("count"),
            "tls", Set.of("count"),
            "events", Set.of("count", "eventId"),
            "probes", Set.of("millis"),
            "certificates", Set.of("keySize"),
            "inputs", Set.of("facts"));

    /** Closed vocabularies, by section and field. */
    private static final Map<String, Map<String, Set<String>>> CLOSED = Map.of(
            "host", Map.of("exchangeVersion", Set.of("2010", "2013", "2016", "2019", "SE")),
            "symptoms", Map.of("direction", spellings(FlowDirection.class), "peerClass", spellings(PeerClass.class)),
            "tls", Map.of("direction", spellings(FlowDirection.class), "peerClass", spellings(PeerClass.class),
                    "result", spellings(TlsResult.class)),
            "probes", Map.of("tlsVersion", Set.of("TLS 1.0", "TLS 1.1", "TLS 1.2", "TLS 1.3"),
                    "outcome", Set.of("ok", "refused", "reset", "not-offered", "starttls-rejected",
                            "disabled-locally", "timeout", "connect-failed", "error")));

    private BundleChecks() {
    }

    private static Set<String> spellings(Class<? extends WireValue> vocabulary) {
        return Set.copyOf(WireValue.spellings(vocabulary));
    }

    static void check(String text, String name, ObjectMapper mapper, boolean yaml) {
        if (yaml) {
            checkLineLengths(text, name);
        }
        try (JsonParser p = mapper.getFactory().createParser(text)) {
            p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            walk(p, name);
        } catch (JsonProcessingException e) {
            throw BundleCodec.invalid(name, text, e);
        } catch (IOException e) {
            throw new InvalidInputException(name, null, "cannot read: " + InvalidInputException.ioReason(e), e);
        }
    }

    private static void checkLineLengths(String text, String name) {
        int line = 1;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                start = i + 1;
            } else if (i - start >= MAX_LINE_CHARS) {
                throw new InvalidInputException(name, line, "line longer than " + MAX_LINE_CHARS
                        + " characters: not a fact bundle (a value is limited to that size)");
            }
        }
    }

    private static void walk(JsonParser p, String name) throws IOException {
        String section = null;
        String field = null;
        int depth = 0;
        JsonToken t;
        while ((t = p.nextToken()) != null) {
            int line = p.currentTokenLocation().getLineNr();
            if (p instanceof YAMLParser y && (y.isCurrentAlias() || y.getObjectId() != null)) {
                throw new InvalidInputException(name, line, "YAML anchors and aliases (&name, *name) are not"
                        + " allowed in a fact bundle");
            }
            switch (t) {
                case START_OBJECT, START_ARRAY -> depth++;
                case END_OBJECT, END_ARRAY -> depth--;
                case FIELD_NAME -> {
                    if (p.getTextLength() > Mappers.MAX_STRING_CHARS) {
                        throw new InvalidInputException(name, line, "key longer than " + Mappers.MAX_STRING_CHARS
                                + " characters");
                    }
                    if (depth == 1) {
                        section = p.currentName();
                    }
                    field = p.currentName();
                }
                default -> {
                    if (t == JsonToken.VALUE_STRING && p.getTextLength() > Mappers.MAX_STRING_CHARS) {
                        throw new InvalidInputException(name, line, "'" + field + "' is longer than "
                                + Mappers.MAX_STRING_CHARS + " characters");
                    }
                    if (depth == 1 && "schemaVersion".equals(field)) {
                        schemaVersion(p, t, name, line);
                    } else if (depth == 3 && LISTS.contains(section) || depth == 2 && "host".equals(section)) {
                        value(p, t, section, field, name, line);
                    }
                }
            }
        }
    }

    private static void schemaVersion(JsonParser p, JsonToken t, String name, int line) throws IOException {
        if (t != JsonToken.VALUE_NUMBER_INT) {
            String shown = t == JsonToken.VALUE_STRING ? "the text \"" + p.getText() + "\"" : p.getText();
            throw new InvalidInputException(name, line, "schemaVersion must be a whole number (this kb reads "
                    + FactBundle.SCHEMA_VERSION + "), got " + shown);
        }
    }

    private static void value(JsonParser p, JsonToken t, String section, String field, String name, int line)
            throws IOException {
        if (t.isNumeric() && NON_NEGATIVE.getOrDefault(section, Set.of()).contains(field)
                && p.getText().startsWith("-")) {
            throw new InvalidInputException(name, line, section + " " + field + " cannot be negative, got "
                    + p.getText());
        }
        Set<String> allowed = CLOSED.getOrDefault(section, Map.of()).get(field);
        if (allowed != null && t.isScalarValue() && t != JsonToken.VALUE_NULL && !allowed.contains(p.getText())) {
            throw new InvalidInputException(name, line, section + " " + field + " must be one of "
                    + String.join(", ", allowed.stream().sorted().toList()) + ", got '" + p.getText() + "'");
        }
    }
}
