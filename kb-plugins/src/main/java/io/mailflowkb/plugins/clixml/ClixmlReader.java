package io.mailflowkb.plugins.clixml;

import io.mailflowkb.model.InvalidInputException;
import io.mailflowkb.plugins.psobject.PsText;
import io.mailflowkb.plugins.psobject.PsValue;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams a PowerShell CLIXML document ({@code Export-Clixml}: {@code <Objs>} of {@code <Obj>}) into
 * {@link PsValue} trees, one top-level object at a time (connectors-and-exo-evidence.md B2; element set after
 * PowerShell's serializer [C8] and a MIT PSRP implementation [C9]). Type names ({@code TN}, reused as
 * {@code TNRef}), {@code ToString}, adapted {@code Props} and extended {@code MS} members, {@code LST}/{@code IE}/
 * {@code STK}/{@code QUE} collections, {@code DCT} dictionaries, back-references ({@code Ref}), {@code Nil} and every
 * primitive are read; {@code _xHHHH_} escapes are decoded.
 *
 * <p>Untrusted input: no DTD, no entity expansion, no external entities; nesting, element count and text size are
 * bounded, and a violation is an {@link InvalidInputException} naming the file and line. Not thread-safe; one
 * instance per document.
 */
public final class ClixmlReader {

    public static final String NAMESPACE = "http://schemas.microsoft.com/powershell/2004/04";
    static final int MAX_DEPTH = 64;
    static final int MAX_ELEMENTS = 4_000_000;
    static final int MAX_TEXT = 4 * 1024 * 1024;

    private final String source;
    private final Map<String, List<String>> typeNames = new HashMap<>();
    private final Map<String, PsValue.Obj> objects = new HashMap<>();
    private XMLStreamReader x;
    private int elements;
    private int depth;

    public ClixmlReader(String source) {
        this.source = source;
    }

    /** A new factory per document: XMLInputFactory is not guaranteed thread-safe. */
    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false); // text arrives in pieces: its size is checked as it grows
        return f;
    }

    /**
     * Reads the document; each top-level {@code <Obj>} (and each top-level primitive) goes to {@code out} as soon as
     * it is complete.
     *
     * @throws InvalidInputException not CLIXML, malformed XML, a DTD, or a limit exceeded
     */
    public void read(Reader in, Consumer<PsValue> out) {
        try {
            x = factory().createXMLStreamReader(in);
            int index = 0;
            boolean root = false;
            while (x.hasNext()) {
                int ev = x.next();
                if (ev == XMLStreamConstants.DTD) {
                    throw fail("a DTD is not allowed in CLIXML");
                }
                if (ev == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw fail("entity references are not allowed in CLIXML");
                }
                if (ev != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (!root) {
                    if (!x.getLocalName().equals("Objs")) {
                        throw fail("not CLIXML: the root element is <" + x.getLocalName() + ">, not <Objs>");
                    }
                    root = true;
                    continue;
                }
                out.accept(value(x.getLocalName().equals("Obj") ? "Obj[" + index + "]" : "[" + index + "]"));
                index++;
            }
            if (!root) {
                throw fail("not CLIXML: no <Objs> element");
            }
        } catch (XMLStreamException e) {
            String msg = e.getMessage() == null ? "malformed XML" : e.getMessage().replaceAll("\\s+", " ");
            int cut = msg.indexOf("Message: ");
            throw new InvalidInputException(source, e.getLocation() == null ? null : e.getLocation().getLineNumber(),
                    "malformed CLIXML: " + (cut >= 0 ? msg.substring(cut + 9) : msg));
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

    /** Reads the value whose start tag the cursor is on, up to its end tag. */
    private PsValue value(String path) throws XMLStreamException {
        count();
        String kind = x.getLocalName();
        Integer line = x.getLocation().getLineNumber();
        switch (kind) {
            case "Nil" -> {
                skipToEnd();
                return new PsValue.Nil(path, line);
            }
            case "Ref" -> {
                String ref = x.getAttributeValue(null, "RefId");
                skipToEnd();
                PsValue.Obj target = ref == null ? null : objects.get(ref);
                if (target == null) {
                    throw fail("<Ref RefId=\"" + ref + "\"> names no earlier object");
                }
                return target;
            }
            case "Obj" -> {
                return object(path, line);
            }
            default -> {
                return new PsValue.Scalar(kind, Escapes.decode(text()), path, line);
            }
        }
    }

    private PsValue.Obj object(String path, Integer line) throws XMLStreamException {
        String refId = x.getAttributeValue(null, "RefId");
        enter();
        List<String> types = List.of();
        String display = null;
        Map<String, PsValue> members = new LinkedHashMap<>();
        List<PsValue> items = new ArrayList<>();
        Map<String, PsValue> entries = new LinkedHashMap<>();
        PsValue primitive = null;
        while (true) {
            int ev = x.next();
            if (ev == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (ev != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            count();
            String name = x.getLocalName();
            switch (name) {
                case "TN" -> types = typeNames(x.getAttributeValue(null, "RefId"));
                case "TNRef" -> {
                    types = typeNames.getOrDefault(x.getAttributeValue(null, "RefId"), List.of());
                    skipToEnd();
                }
                case "ToString" -> display = Escapes.decode(text());
                case "Props", "MS" -> members(path + "." + name, members);
                case "LST", "IE", "STK", "QUE" -> items(path + "." + name, items);
                case "DCT" -> dictionary(path + ".DCT", entries);
                default -> primitive = value(path + "." + name);
            }
        }
        leave();
        PsValue.Obj o = new PsValue.Obj(types, display, members, items, entries, primitive, path, line);
        if (refId != null) {
            objects.put(refId, o);
        }
        return o;
    }

    private List<String> typeNames(String refId) throws XMLStreamException {
        List<String> names = new ArrayList<>();
        while (true) {
            int ev = x.next();
            if (ev == XMLStreamConstants.END_ELEMENT && x.getLocalName().equals("TN")) {
                break;
            }
            if (ev == XMLStreamConstants.START_ELEMENT) {
                count();
                names.add(Escapes.decode(text()));
            }
        }
        if (refId != null) {
            typeNames.put(refId, List.copyOf(names));
        }
        return names;
    }

    private void members(String path, Map<String, PsValue> into) throws XMLStreamException {
        enter();
        while (true) {
            int ev = x.next();
            if (ev == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String n = x.getAttributeValue(null, "N");
                String name = n == null ? "(unnamed)" : Escapes.decode(n);
                PsValue v = value(path + "." + name);
                into.putIfAbsent(name, v);
            }
        }
        leave();
    }

    private void items(String path, List<PsValue> into) throws XMLStreamException {
        enter();
        int i = 0;
        while (true) {
            int ev = x.next();
            if (ev == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (ev == XMLStreamConstants.START_ELEMENT) {
                into.add(value(path + "[" + i++ + "]"));
            }
        }
        leave();
    }

    private void dictionary(String path, Map<String, PsValue> into) throws XMLStreamException {
        enter();
        while (true) {
            int ev = x.next();
            if (ev == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (ev != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            count(); // <En>
            enter();
            PsValue key = null;
            PsValue val = null;
            String keyText = null;
            while (true) {
                int e2 = x.next();
                if (e2 == XMLStreamConstants.END_ELEMENT) {
                    break;
                }
                if (e2 == XMLStreamConstants.START_ELEMENT) {
                    String n = x.getAttributeValue(null, "N");
                    if ("Key".equals(n)) {
                        key = value(path + "[key]");
                        keyText = PsText.text(key);
                    } else {
                        val = value(path + "[" + (keyText == null ? into.size() : keyText) + "]");
                    }
                }
            }
            leave();
            if (key != null) {
                into.put(keyText == null ? "" : keyText, val == null ? new PsValue.Nil(path, null) : val);
            }
        }
        leave();
    }

    /** The text of a simple element; the cursor ends on its end tag. */
    private String text() throws XMLStreamException {
        StringBuilder b = new StringBuilder();
        while (true) {
            int ev = x.next();
            if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA
                    || ev == XMLStreamConstants.SPACE) {
                if (b.length() + x.getTextLength() > MAX_TEXT) {
                    throw fail("a value longer than " + MAX_TEXT + " characters");
                }
                b.append(x.getTextCharacters(), x.getTextStart(), x.getTextLength());
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                return b.toString();
            } else if (ev == XMLStreamConstants.START_ELEMENT) {
                throw fail("unexpected <" + x.getLocalName() + "> inside a primitive value");
            } else if (ev == XMLStreamConstants.ENTITY_REFERENCE) {
                throw fail("entity references are not allowed in CLIXML");
            }
        }
    }

    private void skipToEnd() throws XMLStreamException {
        int level = 1;
        while (level > 0) {
            int ev = x.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                count();
                level++;
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                level--;
            }
        }
    }

    private void count() {
        if (++elements > MAX_ELEMENTS) {
            throw fail("more than " + MAX_ELEMENTS + " elements");
        }
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw fail("nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    private void leave() {
        depth--;
    }

    private InvalidInputException fail(String why) {
        Integer line = x == null || x.getLocation() == null ? null : x.getLocation().getLineNumber();
        return new InvalidInputException(source, line != null && line > 0 ? line : null, why);
    }
}
