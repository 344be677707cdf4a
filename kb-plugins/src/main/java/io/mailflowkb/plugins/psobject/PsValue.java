package io.mailflowkb.plugins.psobject;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A PowerShell value as an export shows it, whatever the form (Export-Clixml, ConvertTo-Json, Format-List):
 * a scalar, {@code $null}, or an object with type names, a display string, members, list items, dictionary
 * entries and, for enums and similar wrappers, an underlying primitive. Each value knows where it was read
 * ({@link #path} in the document and {@link #line}) so facts can cite it.
 */
public sealed interface PsValue permits PsValue.Scalar, PsValue.Nil, PsValue.Obj {

    /** Object path, e.g. {@code Obj[2].Props.TlsCertificateName} (CLIXML) or {@code [0].TlsAuthLevel} (JSON). */
    String path();

    /** 1-based line where the value starts, or {@code null}. */
    Integer line();

    /**
     * A primitive: {@code kind} is the CLIXML element name ({@code S}, {@code B}, {@code I32}, {@code DT},
     * {@code BA}, ...), {@code JSON-STRING}/{@code JSON-NUMBER}/{@code JSON-BOOL} for JSON, {@code TEXT} for
     * Format-List text. {@code text} is the value as written (escapes decoded).
     */
    record Scalar(String kind, String text, String path, Integer line) implements PsValue {
    }

    /** {@code $null} ({@code <Nil/>}, JSON {@code null}, an empty Format-List value). */
    record Nil(String path, Integer line) implements PsValue {
    }

    /**
     * An object. {@code members} holds adapted properties ({@code <Props>}) and extended members ({@code <MS>}) in
     * document order, adapted first on a name clash; {@code items} holds {@code <LST>}/{@code <IE>}/{@code <STK>}/
     * {@code <QUE>} (or a JSON array); {@code entries} a {@code <DCT>} keyed by the key's text; {@code primitive}
     * the value an enum or other wrapper carries beside its {@code <ToString>}.
     */
    record Obj(List<String> typeNames, String display, Map<String, PsValue> members, List<PsValue> items,
               Map<String, PsValue> entries, PsValue primitive, String path, Integer line) implements PsValue {

        public Obj {
            typeNames = List.copyOf(typeNames);
            members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
            items = List.copyOf(items);
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        /** Whether one of the type names ends with {@code suffix} (e.g. {@code .SmtpSendConnectorConfig}). */
        public boolean isType(String suffix) {
            return typeNames.stream().anyMatch(t -> t.equals(suffix) || t.endsWith("." + suffix));
        }

        public PsValue member(String name) {
            PsValue v = members.get(name);
            if (v != null) {
                return v;
            }
            for (Map.Entry<String, PsValue> e : members.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue();
                }
            }
            return null;
        }
    }
}
