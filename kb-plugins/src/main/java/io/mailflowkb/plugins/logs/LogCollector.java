package io.mailflowkb.plugins.logs;

import io.mailflowkb.model.spi.CollectionRequest;
import io.mailflowkb.model.spi.FactCollector;
import io.mailflowkb.model.spi.FactSink;
import io.mailflowkb.model.spi.InputKind;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code --logs PATH}: Exchange SMTP protocol logs, message tracking logs, queue {@code LastError} text, NDRs
 * (.eml) and any other text log, from a file, a folder or a .zip/.gz of either. Each file's kind is judged from
 * its content. Facts are aggregated over the whole input (see {@link FactAggregator}) and sent at the end; memory
 * stays constant whatever the input size. Stateless: all per-request state lives in {@link ScanContext}.
 */
public final class LogCollector implements FactCollector {

    public static final String ID = "logs";
    static final int HEAD = 64 * 1024;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Exchange SMTP protocol and message tracking logs, queue errors, NDRs and text logs";
    }

    @Override
    public Set<InputKind> accepts() {
        return Set.of(InputKind.LOGS);
    }

    @Override
    public String formats() {
        return "SMTP send/receive protocol logs, MSGTRK logs, Get-Queue LastError text, NDR .eml, any text log;"
                + " file, folder, .zip or .gz";
    }

    @Override
    public void collect(CollectionRequest request, FactSink sink) throws IOException {
        Path root = request.path();
        if (root == null || !Files.exists(root)) {
            throw new NoSuchFileException(String.valueOf(root));
        }
        String display = request.displayName() == null ? root.toString() : request.displayName();
        List<Path> files = InputWalker.files(root);
        long total = 0;
        for (Path f : files) {
            try {
                total += Files.size(f);
            } catch (IOException e) {
                // unreadable files are reported when opened
            }
        }
        InputWalker walker = new InputWalker(sink);
        boolean wantProgress = !"false".equalsIgnoreCase(request.options().getOrDefault("progress", "true"));
        Progress progress = Progress.of(wantProgress, total, walker::rawBytes);
        long deadline = System.nanoTime() + request.timeLimit().toNanos();
        SymptomMatcher matcher = new SymptomMatcher(request.symptoms());
        matcher.problems().forEach(p -> sink.warning(display, null, p));
        ScanContext ctx = new ScanContext(matcher, sink, progress, deadline);
        boolean dir = Files.isDirectory(root);
        try {
            for (Path f : files) {
                String name = dir ? display + "/" + root.relativize(f).toString().replace('\\', '/') : display;
                progress.file(name);
                try {
                    walker.walk(f, name, (n, in) -> readFile(n, in, ctx));
                } catch (IOException e) {
                    sink.skipped(name, "cannot be read: " + e.getMessage());
                }
            }
        } catch (ScanContext.TimeLimitReached e) {
            sink.warning(display, null, "stopped at the time limit of " + request.timeLimit()
                    + "; facts so far are reported");
        } finally {
            ctx.finish(display);
        }
    }

    private void readFile(String name, BufferedInputStream in, ScanContext ctx) throws IOException {
        FactSink sink = ctx.sink();
        in.mark(HEAD + 1);
        byte[] head = in.readNBytes(HEAD);
        in.reset();
        LogKind kind = LogKind.sniff(head, head.length);
        switch (kind) {
            case EMPTY -> {
                sink.skipped(name, "empty file");
                return;
            }
            case BINARY -> {
                sink.skipped(name, "not a log: binary content");
                return;
            }
            default -> { }
        }
        sink.read(name, ID);
        TextLineReader lines = new TextLineReader(in);
        try {
            switch (kind) {
                case PROTOCOL -> new ProtocolLogReader(name, ctx).read(lines);
                case TRACKING -> new TrackingLogReader(name, ctx).read(lines);
                case EMAIL -> new NdrReader(name, ctx).read(lines);
                default -> new TextLogScanner(name, ctx).read(lines);
            }
        } catch (IOException e) {
            // a truncated archive or a file vanishing mid-read: keep what was read
            ctx.warn(name, (int) Math.max(1, Math.min(Integer.MAX_VALUE, lines.lineNumber())),
                    "read stopped: " + e.getMessage());
        }
        if (lines.lineNumber() > 0 && lines.longLines() > 0) {
            ctx.warn(name, null, lines.longLines() + " line(s) longer than " + TextLineReader.DEFAULT_MAX_LINE / 1024
                    + " KiB: only their start was read");
        }
    }
}
