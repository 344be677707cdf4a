package io.mailflowkb.plugins.events;

import io.mailflowkb.model.spi.Claim;
import io.mailflowkb.model.spi.CollectionRequest;
import io.mailflowkb.model.spi.EvidenceFile;
import io.mailflowkb.model.spi.FactCollector;
import io.mailflowkb.model.spi.FactSink;
import io.mailflowkb.model.spi.InputKind;
import io.mailflowkb.plugins.input.RequestedFiles;
import io.mailflowkb.plugins.logs.SymptomMatcher;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code --events FILE}: Windows event exports (wevtutil XML, Event Viewer copied text with or without its XML,
 * Get-WinEvent JSON; UTF-8 or UTF-16 as PowerShell redirection writes it). Keeps Schannel and MSExchange* events,
 * aggregated into {@link io.mailflowkb.model.fact.EventRecord}s, and matches their messages against the knowledge
 * symptoms. A folder is read file by file in sorted order.
 */
public final class EventCollector implements FactCollector {

    public static final String ID = "events";
    private static final int SNIFF = 8192;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Windows event exports: Schannel and MSExchange events";
    }

    @Override
    public Set<InputKind> accepts() {
        return Set.of(InputKind.EVENTS);
    }

    @Override
    public String formats() {
        return "wevtutil qe /f:xml, Event Viewer text (with or without Event Xml), Get-WinEvent | ConvertTo-Json";
    }

    @Override
    public Claim claim(EvidenceFile file) {
        String text = file.headText();
        if (text == null) {
            return Claim.NONE;
        }
        String t = text.strip();
        String lower = t.length() > 8192 ? t.substring(0, 8192).toLowerCase(Locale.ROOT) : t.toLowerCase(Locale.ROOT);
        if (t.startsWith("<") && (lower.contains("<event ") || lower.contains("<event>") || lower.contains("<events"))) {
            return Claim.format("Windows event export (XML)");
        }
        if ((t.startsWith("{") || t.startsWith("[")) && lower.contains("\"providername\"")) {
            return Claim.format("Windows event export (Get-WinEvent JSON)");
        }
        if (lower.contains("event id:") && (lower.contains("log name:") || lower.contains("source:"))) {
            return Claim.format("Windows event export (Event Viewer text)");
        }
        return Claim.NONE;
    }

    @Override
    public void collect(CollectionRequest request, FactSink sink) throws IOException {
        SymptomMatcher matcher = new SymptomMatcher(request.symptoms());
        RequestedFiles.allFiles(request, sink, (files, display) -> {
            for (EvidenceFile f : files) {
                try {
                    readFile(f, matcher, sink);
                } catch (IOException e) {
                    sink.skipped(f.name(), "cannot be read: " + e.getMessage());
                }
            }
        });
    }

    private void readFile(EvidenceFile file, SymptomMatcher matcher, FactSink sink) throws IOException {
        String name = file.name();
        String headText = file.headText();
        if (file.head().length == 0 || headText != null && headText.isBlank()) {
            sink.skipped(name, "empty file");
            return;
        }
        if (headText == null) {
            sink.skipped(name, "not an event export: binary content (.evtx is not read; export with wevtutil /f:xml)");
            return;
        }
        BufferedReader reader = new BufferedReader(file.openText(), 1 << 16);
        try (reader) {
            read(name, reader, matcher, sink);
        }
    }

    private void read(String name, BufferedReader reader, SymptomMatcher matcher, FactSink sink) throws IOException {
        reader.mark(SNIFF + 1);
        char[] head = new char[SNIFF];
        int n = reader.read(head, 0, SNIFF);
        reader.reset();
        int i = 0;
        while (i < Math.max(n, 0) && Character.isWhitespace(head[i])) {
            i++;
        }
        if (n <= 0 || i >= n) {
            sink.skipped(name, "empty file");
            return;
        }
        String start = new String(head, i, Math.min(n - i, 64));
        EventAggregator agg = new EventAggregator(name, matcher);
        String error;
        if (start.startsWith("<")) {
            int offset = i;
            if (start.startsWith("<?xml")) {
                int end = new String(head, 0, n).indexOf("?>");
                offset = end < 0 ? i : end + 2;
            }
            reader.skip(offset);
            error = EventXmlReader.read(reader, 1, null, agg::accept);
        } else if (start.startsWith("{") || start.startsWith("[")) {
            error = EventJsonReader.read(reader, agg::accept);
        } else {
            List<String> warnings = new ArrayList<>();
            new EventTextReader(agg::accept, warnings::add).read(reader);
            error = warnings.isEmpty() ? null : String.join("; ", warnings);
        }
        if (agg.total() == 0) {
            sink.skipped(name, "not an event export: no events found" + (error == null ? "" : " (" + error + ")"));
            return;
        }
        sink.read(name, ID);
        if (error != null) {
            sink.warning(name, null, error);
        }
        agg.flush(sink);
    }
}
