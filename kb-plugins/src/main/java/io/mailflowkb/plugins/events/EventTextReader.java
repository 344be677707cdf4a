package io.mailflowkb.plugins.events;

import io.mailflowkb.plugins.logs.MarkdownCleaner;
import java.io.BufferedReader;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads Event Viewer's "Copy details as text": aligned labels ({@code Log Name:}, {@code Source:},
 * {@code Date:}, {@code Event ID:}, {@code Level:}, ..., {@code Description:} followed by the message lines), one
 * or more events, Markdown decorations tolerated (the 12014 sample from Microsoft's docs). When an
 * {@code Event Xml:} section follows, the XML is authoritative and the description only supplies the message.
 */
final class EventTextReader {

    static final int MAX_LINE = 64 * 1024;
    private static final List<String> LABELS = List.of("log name", "source", "date", "event id", "task category",
            "level", "opcode", "keywords", "user", "computer", "description");
    private static final DateTimeFormatter US = DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.US);

    private final Consumer<RawEvent> out;
    private final Consumer<String> warn;
    private String provider;
    private String id;
    private String level;
    private String date;
    private StringBuilder message;
    private int start;
    private boolean inDescription;

    EventTextReader(Consumer<RawEvent> out, Consumer<String> warn) {
        this.out = out;
        this.warn = warn;
    }

    void read(BufferedReader in) throws IOException {
        String raw;
        int no = 0;
        while ((raw = boundedLine(in)) != null) {
            no++;
            String line = MarkdownCleaner.looksDecorated(raw) ? MarkdownCleaner.clean(raw) : raw.strip();
            if (line.equalsIgnoreCase("Event Xml:")) {
                String msg = message == null ? null : message.toString().strip();
                String err = EventXmlReader.read(in, no + 1, msg, out);
                if (err != null) {
                    warn.accept(err);
                }
                reset();
                return;
            }
            int colon = line.indexOf(':');
            String label = colon > 0 ? line.substring(0, colon).strip().toLowerCase(Locale.ROOT) : null;
            if (label != null && LABELS.contains(label)) {
                String value = line.substring(colon + 1).strip();
                if ((label.equals("log name") || label.equals("source") && provider != null) && id != null) {
                    emit();
                }
                if (start == 0) {
                    start = no;
                }
                inDescription = false;
                switch (label) {
                    case "source" -> provider = value;
                    case "event id" -> id = value;
                    case "level" -> level = value.isEmpty() ? null : value;
                    case "date" -> date = usDate(value);
                    case "description" -> {
                        inDescription = true;
                        message = new StringBuilder(value);
                    }
                    default -> { }
                }
            } else if (inDescription && message.length() < MAX_LINE) {
                message.append(message.length() == 0 ? "" : "\n").append(line);
            }
        }
        if (id != null) {
            emit();
        }
    }

    private void emit() {
        int n;
        try {
            n = Integer.parseInt(id.strip());
        } catch (NumberFormatException e) {
            warn.accept("line " + start + ": event id '" + id + "' is not a number");
            reset();
            return;
        }
        out.accept(new RawEvent(provider, n, level, date, Map.of(), List.of(),
                message == null ? null : message.toString().strip(), start, null));
        reset();
    }

    private void reset() {
        provider = null;
        id = null;
        level = null;
        date = null;
        message = null;
        start = 0;
        inDescription = false;
    }

    static String usDate(String v) {
        try {
            return LocalDateTime.parse(v.strip(), US).toString();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A line of at most {@link #MAX_LINE} characters; the rest of a longer line is skipped. */
    static String boundedLine(BufferedReader in) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        boolean any = false;
        while ((c = in.read()) >= 0) {
            any = true;
            if (c == '\n') {
                break;
            }
            if (b.length() < MAX_LINE) {
                b.append((char) c);
            }
        }
        if (!any) {
            return null;
        }
        int len = b.length();
        if (len > 0 && b.charAt(len - 1) == '\r') {
            b.setLength(len - 1);
        }
        return b.toString();
    }
}
