package io.mailflowkb.plugins.input;

import javax.xml.stream.XMLInputFactory;

/**
 * The StAX settings every collector reads evidence XML with (CLIXML exports, Windows event exports): an export is
 * untrusted input, so no DTD, no external entities and no entity expansion (XXE-safe), and text arrives in
 * pieces, so a reader can bound a huge text node as it grows instead of being handed it whole.
 */
public final class UntrustedXml {

    private UntrustedXml() {
    }

    /** A new factory per document: XMLInputFactory is not guaranteed thread-safe and collectors serve many requests. */
    public static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        return f;
    }
}
