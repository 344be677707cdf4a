package io.mailflowkb.plugins.clixml;

import io.mailflowkb.model.InvalidInputException;
import io.mailflowkb.plugins.input.UntrustedXml;
import java.io.Reader;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The StAX cursor over one untrusted CLIXML document, with what makes reading it safe kept in one place: no DTD,
 * no entity expansion, no external entities; element count, nesting and the size of one text value bounded.
 * Every violation is an {@link InvalidInputException} naming the file and the line the cursor is on. What the
 * elements mean is {@link ClixmlReader}'s business. Not thread-safe; one instance per document.
 */
final class BoundedXmlCursor implements AutoCloseable {

    static final int MAX_DEPTH = 64;
    static final int MAX_ELEMENTS = 4_000_000;
    static final int MAX_TEXT = 4 * 1024 * 1024;

    private final String source;
    private final XMLStreamReader x;
    private int elements;
    private int depth;

    private BoundedXmlCursor(String source, XMLStreamReader x) {
        this.source = source;
        this.x = x;
    }

    static BoundedXmlCursor open(String source, Reader in) throws XMLStreamException {
        return new BoundedXmlCursor(source, UntrustedXml.factory().createXMLStreamReader(in));
    }

    boolean hasNext() throws XMLStreamException {
        return x.hasNext();
    }

    /** The next parse event ({@link XMLStreamConstants}). */
    int next() throws XMLStreamException {
        return x.next();
    }

    /** The local name of the element the cursor is on. */
    String name() {
        return x.getLocalName();
    }

    /** An attribute of the start tag the cursor is on, or {@code null}. */
    String attribute(String name) {
        return x.getAttributeValue(null, name);
    }

    int line() {
        return x.getLocation().getLineNumber();
    }

    /** The text of a simple element; the cursor ends on its end tag. */
    String text() throws XMLStreamException {
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

    /** Skips the element whose start tag the cursor is on, up to its end tag. */
    void skipToEnd() throws XMLStreamException {
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

    /** Counts one element against {@link #MAX_ELEMENTS}. */
    void count() {
        if (++elements > MAX_ELEMENTS) {
            throw fail("more than " + MAX_ELEMENTS + " elements");
        }
    }

    /** Goes one level down, bounded by {@link #MAX_DEPTH}; {@link #leave()} comes back up. */
    void enter() {
        if (++depth > MAX_DEPTH) {
            throw fail("nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    void leave() {
        depth--;
    }

    /** The error for this document at the cursor's line. */
    InvalidInputException fail(String why) {
        Integer line = x.getLocation() == null ? null : x.getLocation().getLineNumber();
        return new InvalidInputException(source, line != null && line > 0 ? line : null, why);
    }

    @Override
    public void close() {
        try {
            x.close();
        } catch (XMLStreamException ignored) {
            // nothing to release beyond the reader, which the caller closes
        }
    }
}
