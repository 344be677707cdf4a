package io.mailflowkb.plugins.exchange;

import io.mailflowkb.model.spi.FactSink;
import io.mailflowkb.plugins.powershell.FormatList;
import io.mailflowkb.plugins.powershell.FormatListReader;
import io.mailflowkb.plugins.psobject.PsValue;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Format-List records (read by the shared {@link FormatListReader}) as {@link PsValue} objects: a {@code {a, b}}
 * value becomes a list, an empty value {@code $null}, anything else text. A collection PowerShell cut short is
 * reported once per property with how to export it whole.
 */
final class FormatListRecords {

    private FormatListRecords() {
    }

    static List<PsValue> read(Reader in, String source, FactSink sink) throws IOException {
        FormatListReader reader = new FormatListReader(in);
        List<PsValue> out = new ArrayList<>();
        FormatList.Record r;
        int index = 0;
        while ((r = reader.next()) != null) {
            if (r.properties().isEmpty()) {
                continue;
            }
            String path = "record[" + index++ + "]";
            Map<String, PsValue> members = new LinkedHashMap<>();
            for (FormatList.Property p : r.properties()) {
                if (p.truncated()) {
                    sink.warning(source, p.line(), FormatList.truncationAdvice(p.name()));
                }
                members.putIfAbsent(p.name(), value(p, path + "." + p.name()));
            }
            out.add(new PsValue.Obj(List.of(), null, members, List.of(), Map.of(), null, path, r.line()));
        }
        return out;
    }

    private static PsValue value(FormatList.Property p, String path) {
        String v = p.value().strip();
        if (v.isEmpty()) {
            return new PsValue.Nil(path, p.line());
        }
        if (v.startsWith("{") && v.endsWith("}") || v.startsWith("{") && p.truncated()) {
            List<PsValue> items = new ArrayList<>();
            for (String item : p.items()) {
                if (!item.isBlank()) {
                    items.add(new PsValue.Scalar("TEXT", item.strip(), path, p.line()));
                }
            }
            return new PsValue.Obj(List.of(), null, Map.of(), items, Map.of(), null, path, p.line());
        }
        return new PsValue.Scalar("TEXT", v, path, p.line());
    }
}
