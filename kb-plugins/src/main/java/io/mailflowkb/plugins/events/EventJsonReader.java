package io.mailflowkb.plugins.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code Get-WinEvent | ConvertTo-Json} output: an array of event objects, a single object, or objects one
 * after another. Streams with Jackson, one event object in memory at a time. Fields: {@code ProviderName},
 * {@code Id}, {@code LevelDisplayName} (or numeric {@code Level}), {@code TimeCreated} (PowerShell 5 writes
 * {@code "/Date(1700000000000)/"}, sometimes inside an object with {@code value}; PowerShell 7 an ISO string),
 * {@code Message}, {@code RecordId}, {@code Properties[].Value} (positional data).
 */
final class EventJsonReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern MS_DATE = Pattern.compile("/Date\\((-?\\d+)(?:[+-]\\d{4})?\\)/");

    private EventJsonReader() {
    }

    /** @return an error to report, or {@code null} when the JSON was read to its end */
    static String read(Reader in, Consumer<RawEvent> out) throws IOException {
        try (JsonParser p = MAPPER.getFactory().createParser(in)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.START_OBJECT) {
                    int line = p.currentTokenLocation().getLineNr();
                    JsonNode node = p.readValueAsTree();
                    RawEvent e = event(node, line);
                    if (e != null) {
                        out.accept(e);
                    }
                } else if (t != JsonToken.START_ARRAY && t != JsonToken.END_ARRAY) {
                    p.skipChildren();
                }
            }
            return null;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            return "line " + line + ": JSON not readable from here on: " + e.getOriginalMessage();
        }
    }

    private static RawEvent event(JsonNode n, int line) {
        String provider = text(n, "ProviderName");
        if (provider == null) {
            provider = text(n, "ProviderName", "Provider");
        }
        JsonNode idNode = n.get("Id");
        if (idNode == null) {
            idNode = n.get("EventID");
        }
        if (provider == null || idNode == null || !idNode.canConvertToInt() && !idNode.isTextual()) {
            return new RawEvent(provider, -1, null, null, Map.of(), List.of(), null, line, null);
        }
        int id;
        try {
            id = idNode.isNumber() ? idNode.asInt() : Integer.parseInt(idNode.asText().strip());
        } catch (NumberFormatException e) {
            return new RawEvent(provider, -1, null, null, Map.of(), List.of(), null, line, null);
        }
        String level = text(n, "LevelDisplayName");
        if (level == null && n.has("Level")) {
            level = EventXmlReader.levelName(n.get("Level").asText());
        }
        List<String> props = new ArrayList<>();
        JsonNode ps = n.get("Properties");
        if (ps != null && ps.isArray()) {
            for (JsonNode p : ps) {
                JsonNode v = p.isObject() ? p.get("Value") : p;
                props.add(v == null || v.isNull() ? "" : v.isValueNode() ? v.asText() : v.toString());
            }
        }
        return new RawEvent(provider, id, level, time(n.get("TimeCreated")), Map.of(), props, text(n, "Message"),
                line, text(n, "RecordId"));
    }

    static String time(JsonNode t) {
        if (t == null || t.isNull()) {
            return null;
        }
        if (t.isObject()) {
            return time(t.has("value") ? t.get("value") : t.get("DateTime"));
        }
        String s = t.asText().strip();
        Matcher m = MS_DATE.matcher(s);
        if (m.matches()) {
            return Instant.ofEpochMilli(Long.parseLong(m.group(1))).toString();
        }
        return s.isEmpty() ? null : s;
    }

    private static String text(JsonNode n, String... path) {
        JsonNode cur = n;
        for (String p : path) {
            cur = cur == null ? null : cur.get(p);
        }
        if (cur == null || cur.isNull()) {
            return null;
        }
        return cur.isValueNode() ? cur.asText() : null;
    }
}
