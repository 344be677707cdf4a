package io.mailflowkb.plugins.events;

import io.mailflowkb.model.spi.CollectionRequest;
import io.mailflowkb.model.spi.FactCollector;
import io.mailflowkb.model.spi.FactSink;
import io.mailflowkb.model.spi.InputKind;
import io.mailflowkb.plugins.logs.SymptomMatcher;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

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
    public void collect(CollectionRequest request, FactSink sink) throws IOException {
        Path root = request.path();
        if (root == null || !Files.exists(root)) {
            throw new NoSuchFileException(String.valueOf(root));
        }
        String display = request.displayName() == null ? root.toString() : request.displayName();
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(Files::isRegularFile).sorted().forEach(files::add);
            }
        } else {
            files.add(root);
        }
        SymptomMatcher matcher = new SymptomMatcher(request.symptoms());
        for (Path f : files) {
            String name = Files.isDirectory(root)
                    ? display + "/" + root.relativize(f).toString().replace('\\', '/') : display;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(f), 1 << 16)) {
                readFile(name, (BufferedInputStream) in, matcher, sink);
            } catch (IOException e) {
                sink.skipped(name, "cannot be read: " + e.getMessage());
            }
        }
    }

    private void readFile(String name, BufferedInputStream in, SymptomMatcher matcher, FactSink sink)
            throws IOException {
        in.mark(4);
        byte[] bom = in.readNBytes(4);
        in.reset();
        if (bom.length == 0) {
            sink.skipped(name, "empty file");
            return;
        }
        Charset cs = StandardCharsets.UTF_8;
        int skip = 0;
        if (bom.length >= 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF) {
            skip = 3;
        } else if (bom.length >= 2 && (bom[0] & 0xFF) == 0xFF && (bom[1] & 0xFF) == 0xFE) {
            cs = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (bom.length >= 2 && (bom[0] & 0xFF) == 0xFE && (bom[1] & 0xFF) == 0xFF) {
            cs = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (bom.length >= 2 && bom[0] != 0 && bom[1] == 0) {
            cs = StandardCharsets.UTF_16LE;
        }
        in.skipNBytes(skip);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, cs), 1 << 16);
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
        if (looksBinary(head, n)) {
            sink.skipped(name, "not an event export: binary content (.evtx is not read; export with wevtutil /f:xml)");
            return;
        }
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

    private static boolean looksBinary(char[] head, int n) {
        int control = 0;
        for (int k = 0; k < n; k++) {
            char c = head[k];
            if (c == 0) {
                return true;
            }
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                control++;
            }
        }
        return control > Math.max(8, n / 50);
    }
}
