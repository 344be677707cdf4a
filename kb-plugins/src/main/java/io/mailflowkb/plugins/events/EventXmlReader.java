package io.mailflowkb.plugins.events;

import io.mailflowkb.plugins.input.UntrustedXml;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads Windows event XML as {@code wevtutil qe ... /f:xml} writes it (one {@code <Event xmlns=...>} per line, no
 * root element) or wrapped in a root, and the "Event Xml:" section of Event Viewer's copied text. The input is
 * wrapped in a synthetic root so both shapes parse the same way. StAX streams it, one event in memory at a time,
 * with the settings for untrusted XML ({@link UntrustedXml}: no DTD, no external entities).
 */
final class EventXmlReader {

    static final int MAX_TEXT = 64 * 1024;

    private EventXmlReader() {
    }

    /**
     * @param body            the XML, without an XML declaration
     * @param firstLine       the file line the reader starts on (1 for a whole file)
     * @param fallbackMessage the rendered message to use when the XML has none (Event Viewer text), or null
     * @return an error to report (with its line), or {@code null} when the XML was read to its end
     */
    static String read(Reader body, int firstLine, String fallbackMessage, Consumer<RawEvent> out) {
        Reader wrapped = new ConcatReader(List.of(new StringReader("<kb-events>"), body,
                new StringReader("</kb-events>")));
        XMLStreamReader x = null;
        try {
            x = UntrustedXml.factory().createXMLStreamReader(wrapped);
            Builder b = null;
            List<String> path = new ArrayList<>();
            while (x.hasNext()) {
                int ev = x.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String name = x.getLocalName();
                    if (name.equals("Event")) {
                        b = new Builder(x.getLocation().getLineNumber() + firstLine - 1);
                        path.clear();
                        continue;
                    }
                    if (b == null) {
                        continue;
                    }
                    path.add(name);
                    if (b.element(name, x, path)) {
                        path.remove(path.size() - 1); // the element was consumed up to its end tag
                    }
                } else if (ev == XMLStreamConstants.CHARACTERS && b != null && b.leafName != null
                        && b.leafText.length() < MAX_TEXT) {
                    b.leafText.append(x.getText());
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    String name = x.getLocalName();
                    if (b != null && name.equals(b.leafName)) {
                        if (!b.leafText.toString().isBlank()) {
                            b.named.put(name, b.leafText.toString().strip());
                        }
                        b.leafName = null;
                    }
                    if (name.equals("Event") && b != null) {
                        out.accept(b.build(fallbackMessage));
                        b = null;
                    } else if (!path.isEmpty()) {
                        path.remove(path.size() - 1);
                    }
                }
            }
            return null;
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? firstLine : e.getLocation().getLineNumber() + firstLine - 1;
            return "line " + line + ": XML not readable from here on: " + oneLine(e.getMessage());
        } catch (RuntimeException e) {
            return "XML not readable: " + oneLine(String.valueOf(e.getMessage()));
        } finally {
            if (x != null) {
                try {
                    x.close();
                } catch (XMLStreamException ignored) {
                    // nothing to release beyond the reader, which the caller closes
                }
            }
        }
    }

    private static String oneLine(String s) {
        String t = s == null ? "" : s.replaceAll("\\s+", " ").strip();
        return t.length() > 200 ? t.substring(0, 200) : t;
    }

    private static final class Builder {
        final int line;
        String provider;
        int id = -1;
        String level;
        String levelName;
        String time;
        String recordId;
        String computer;
        String message;
        final Map<String, String> named = new LinkedHashMap<>();
        final List<String> positional = new ArrayList<>();
        String leafName;
        final StringBuilder leafText = new StringBuilder();

        Builder(int line) {
            this.line = line;
        }

        /** Handles one start tag; returns true when it read the element's text (and so its end tag). */
        boolean element(String name, XMLStreamReader x, List<String> path) throws XMLStreamException {
            boolean inRendering = path.contains("RenderingInfo");
            boolean inUserData = path.contains("UserData");
            switch (name) {
                case "Provider" -> {
                    String n = attr(x, "Name");
                    if (n != null) {
                        provider = n;
                    }
                    return false;
                }
                case "TimeCreated" -> {
                    time = attr(x, "SystemTime");
                    return false;
                }
                case "EventID" -> {
                    String t = text(x).strip();
                    try {
                        id = Integer.parseInt(t);
                    } catch (NumberFormatException e) {
                        id = -1;
                    }
                    return true;
                }
                case "Level" -> {
                    String t = text(x).strip();
                    if (inRendering) {
                        levelName = t;
                    } else {
                        level = levelName(t);
                    }
                    return true;
                }
                case "EventRecordID" -> {
                    recordId = text(x).strip();
                    return true;
                }
                case "Computer" -> {
                    computer = text(x).strip();
                    return true;
                }
                case "Message" -> {
                    if (inRendering) {
                        message = text(x);
                        return true;
                    }
                    return false;
                }
                case "Data" -> {
                    String n = attr(x, "Name");
                    String v = text(x);
                    if (n != null && !n.isBlank()) {
                        named.put(n, v);
                    } else {
                        positional.add(v);
                    }
                    return true;
                }
                default -> {
                    // UserData/<Schema>/<Item>: leaf items are the named data of manifest events
                    leafName = inUserData && path.size() >= 3 ? name : null;
                    leafText.setLength(0);
                    return false;
                }
            }
        }

        RawEvent build(String fallbackMessage) {
            return new RawEvent(provider, id, levelName != null ? levelName : level, time, named, positional,
                    message != null ? message : fallbackMessage, line, recordId, computer);
        }
    }

    private static String attr(XMLStreamReader x, String name) {
        for (int i = 0; i < x.getAttributeCount(); i++) {
            if (x.getAttributeLocalName(i).equalsIgnoreCase(name)) {
                return x.getAttributeValue(i);
            }
        }
        return null;
    }

    private static String text(XMLStreamReader x) throws XMLStreamException {
        StringBuilder b = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int ev = x.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if ((ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA
                    || ev == XMLStreamConstants.SPACE) && b.length() < MAX_TEXT) {
                b.append(x.getText(), 0, Math.min(x.getTextLength(), MAX_TEXT - b.length()));
            }
        }
        return b.toString();
    }

    static String levelName(String n) {
        return switch (n) {
            case "1" -> "Critical";
            case "2" -> "Error";
            case "3" -> "Warning";
            case "0", "4" -> "Information";
            case "5" -> "Verbose";
            default -> n.isEmpty() ? null : n;
        };
    }
}
