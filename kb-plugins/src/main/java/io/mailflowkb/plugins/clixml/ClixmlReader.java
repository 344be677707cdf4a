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
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

/**
 * Streams a PowerShell CLIXML document ({@code Export-Clixml}: {@code <Objs>} of {@code <Obj>}) into
 * {@link PsValue} trees, one top-level object at a time (docs/healthchecker.md; element set after
 * PowerShell's serializer [C8] and a MIT PSRP implementation [C9]). Type names ({@code TN}, reused as
 * {@code TNRef}), {@code ToString}, adapted {@code Props} and extended {@code MS} members, {@code LST}/{@code IE}/
 * {@code STK}/{@code QUE} collections, {@code DCT} dictionaries, back-references ({@code Ref}), {@code Nil} and every
 * primitive are read; {@code _xHHHH_} escapes are decoded.
 *
 * <p>Untrusted input: the document is read through a {@link BoundedXmlCursor} (no DTD, no entities; nesting,
 * element count and text size bounded), and every violation is an {@link InvalidInputException} naming the file
 * and line. Not thread-safe; one instance per document.
 */
public final class ClixmlReader {

    public static final String NAMESPACE = "http://schemas.microsoft.com/powershell/2004/04";

    private final String source;
    private final Map<String, List<String>> typeNames = new HashMap<>();
    private final Map<String, PsValue.Obj> objects = new HashMap<>();
    private BoundedXmlCursor x;

    public ClixmlReader(String source) {
        this.source = source;
    }

    /**
     * Reads the document; each top-level {@code <Obj>} (and each top-level primitive) goes to {@code out} as soon as
     * it is complete.
     *
     * @throws InvalidInputException not CLIXML, malformed XML, a DTD, or a limit exceeded
     */
    public void read(Reader in, Consumer<PsValue> out) {
        try {
            x = BoundedXmlCursor.open(source, in);
            int index = 0;
            boolean root = false;
            while (x.hasNext()) {
                int ev = x.next();
                if (ev == XMLStreamConstants.DTD) {
                    throw x.fail("a DTD is not allowed in CLIXML");
                }
                if (ev == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw x.fail("entity references are not allowed in CLIXML");
                }
                if (ev != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (!root) {
                    if (!x.name().equals("Objs")) {
                        throw x.fail("not CLIXML: the root element is <" + x.name() + ">, not <Objs>");
                    }
                    root = true;
                    continue;
                }
                out.accept(value(x.name().equals("Obj") ? "Obj[" + index + "]" : "[" + index + "]"));
                index++;
            }
            if (!root) {
                throw x.fail("not CLIXML: no <Objs> element");
            }
        } catch (XMLStreamException e) {
            String msg = e.getMessage() == null ? "malformed XML" : e.getMessage().replaceAll("\\s+", " ");
            int cut = msg.indexOf("Message: ");
            throw new InvalidInputException(source, e.getLocation() == null ? null : e.getLocation().getLineNumber(),
                    "malformed CLIXML: " + (cut >= 0 ? msg.substring(cut + 9) : msg));
        } finally {
            if (x != null) {
                x.close();
            }
        }
    }

    /** Reads the value whose start tag the cursor is on, up to its end tag. */
    private PsValue value(String path) throws XMLStreamException {
        x.count();
        String kind = x.name();
        Integer line = x.line();
        switch (kind) {
            case "Nil" -> {
                x.skipToEnd();
                return new PsValue.Nil(path, line);
            }
            case "Ref" -> {
                String ref = x.attribute("RefId");
                x.skipToEnd();
                PsValue.Obj target = ref == null ? null : objects.get(ref);
                if (target == null) {
                    throw x.fail("<Ref RefId=\"" + ref + "\"> names no earlier object");
                }
                return target;
            }
            case "Obj" -> {
                return object(path, line);
            }
            default -> {
                return new PsValue.Scalar(kind, Escapes.decode(x.text()), path, line);
            }
        }
    }

    private PsValue.Obj object(String path, Integer line) throws XMLStreamException {
        String refId = x.attribute("RefId");
        x.enter();
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
            x.count();
            String name = x.name();
            switch (name) {
                case "TN" -> types = typeNames(x.attribute("RefId"));
                case "TNRef" -> {
                    types = typeNames.getOrDefault(x.attribute("RefId"), List.of());
                    x.skipToEnd();
                }
                case "ToString" -> display = Escapes.decode(x.text());
                case "Props", "MS" -> members(path + "." + name, members);
                case "LST", "IE", "STK", "QUE" -> items(path + "." + name, items);
                case "DCT" -> dictionary(path + ".DCT", entries);
                default -> primitive = value(path + "." + name);
            }
        }
        x.leave();
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
            if (ev == XMLStreamConstants.END_ELEMENT && x.name().equals("TN")) {
                break;
            }
            if (ev == XMLStreamConstants.START_ELEMENT) {
                x.count();
                names.add(Escapes.decode(x.text()));
            }
        }
        if (refId != null) {
            typeNames.put(refId, List.copyOf(names));
        }
        return names;
    }

    private void members(String path, Map<String, PsValue> into) throws XMLStreamException {
        x.enter();
        while (true) {
            int ev = x.next();
            if (ev == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String n = x.attribute("N");
                String name = n == null ? "(unnamed)" : Escapes.decode(n);
                PsValue v = value(path + "." + name);
                into.putIfAbsent(name, v);
            }
        }
        x.leave();
    }

    private void items(String path, List<PsValue> into) throws XMLStreamException {
        x.enter();
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
        x.leave();
    }

    private void dictionary(String path, Map<String, PsValue> into) throws XMLStreamException {
        x.enter();
        while (true) {
            int ev = x.next();
            if (ev == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (ev != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            x.count(); // <En>
            x.enter();
            PsValue key = null;
            PsValue val = null;
            String keyText = null;
            while (true) {
                int e2 = x.next();
                if (e2 == XMLStreamConstants.END_ELEMENT) {
                    break;
                }
                if (e2 == XMLStreamConstants.START_ELEMENT) {
                    String n = x.attribute("N");
                    if ("Key".equals(n)) {
                        key = value(path + "[key]");
                        keyText = PsText.text(key);
                    } else {
                        val = value(path + "[" + (keyText == null ? into.size() : keyText) + "]");
                    }
                }
            }
            x.leave();
            if (key != null) {
                into.put(keyText == null ? "" : keyText, val == null ? new PsValue.Nil(path, null) : val);
            }
        }
        x.leave();
    }
}
