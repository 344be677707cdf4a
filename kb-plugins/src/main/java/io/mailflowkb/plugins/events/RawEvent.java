package io.mailflowkb.plugins.events;

import java.util.List;
import java.util.Map;

/**
 * One Windows event as read from any export format, before aggregation.
 *
 * @param named     {@code <Data Name="x">} items (XML)
 * @param positional unnamed data in order ({@code <Data>} without a name, JSON {@code Properties[].Value})
 * @param time      ISO time, or {@code null}
 * @param line      1-based line where the event starts in the file
 * @param recordId  the event record id, or {@code null}
 * @param computer  the computer that logged it ({@code <Computer>}), or {@code null}
 */
record RawEvent(String provider, int id, String level, String time, Map<String, String> named,
                List<String> positional, String message, int line, String recordId, String computer) {

    /** An event from an export that does not say which computer logged it. */
    RawEvent(String provider, int id, String level, String time, Map<String, String> named, List<String> positional,
             String message, int line, String recordId) {
        this(provider, id, level, time, named, positional, message, line, recordId, null);
    }
}
