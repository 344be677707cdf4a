package io.mailflowkb.plugins.logs;

import io.mailflowkb.model.spi.Claim;
import io.mailflowkb.model.spi.CollectionRequest;
import io.mailflowkb.model.spi.EvidenceFile;
import io.mailflowkb.model.spi.FactCollector;
import io.mailflowkb.model.spi.FactSink;
import io.mailflowkb.model.spi.InputKind;
import io.mailflowkb.plugins.input.RequestedFiles;
import io.mailflowkb.plugins.input.TextDecoding;
import io.mailflowkb.plugins.input.TextEncoding;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code --logs PATH}: Exchange SMTP protocol logs, message tracking logs, queue {@code LastError} text, NDRs
 * (.eml) and any other text log, from a file, a folder or a .zip/.gz of either. Each file's kind is judged from
 * its content. Facts are aggregated over the whole input (see {@link FactAggregator}) and sent at the end; memory
 * stays constant whatever the input size. Stateless: all per-request state lives in {@link ScanContext}.
 */
public final class LogCollector implements FactCollector {

    public static final String ID = "logs";

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
    public Claim claim(EvidenceFile file) {
        String text = file.headText();
        if (text == null) {
            return Claim.NONE;
        }
        return switch (LogKind.sniff(text)) {
            case PROTOCOL -> Claim.format("Exchange SMTP protocol log");
            case TRACKING -> Claim.format("Exchange message tracking log");
            case EMAIL -> Claim.format("e-mail (NDR)");
            case QUEUE -> Claim.format("Get-Queue | Format-List output");
            case MESSAGE_TRACE -> Claim.format("message trace export");
            case TEXT -> Claim.fallback("text log");
            default -> Claim.NONE;
        };
    }

    @Override
    public void collect(CollectionRequest request, FactSink sink) throws IOException {
        RequestedFiles.allFiles(request, sink, (files, display) -> scan(files, display, request, sink));
    }

    private void scan(List<EvidenceFile> files, String display, CollectionRequest request, FactSink sink)
            throws IOException {
        long total = 0;
        for (EvidenceFile f : files) {
            total += Math.max(0, f.size());
        }
        AtomicLong rawBytes = new AtomicLong();
        boolean wantProgress = !"false".equalsIgnoreCase(request.options().getOrDefault("progress", "true"));
        Progress progress = Progress.of(wantProgress, sink, total, rawBytes::get);
        long deadline = System.nanoTime() + request.timeLimit().toNanos();
        SymptomMatcher matcher = new SymptomMatcher(request.symptoms());
        request.symptoms().problems().forEach(p -> sink.warning(display, null, p));
        ScanContext ctx = new ScanContext(matcher, sink, progress, deadline);
        int threads = threads(request, files.size());
        boolean timedOut = false;
        try {
            if (threads <= 1) {
                for (EvidenceFile f : files) {
                    scanFile(f, rawBytes, ctx);
                }
            } else {
                timedOut = parallel(files, threads, request, rawBytes, progress, deadline, ctx);
            }
        } catch (ScanContext.TimeLimitReached e) {
            timedOut = true;
        } finally {
            if (timedOut) {
                sink.warning(display, null, "stopped at the time limit of " + request.timeLimit()
                        + "; facts so far are reported");
            }
            ctx.finish(display);
        }
    }

    /**
     * Reads the files of a folder on {@code threads} workers, each file with its own context, then merges the
     * results in file order: the facts and the input list are the same as a sequential run.
     */
    private boolean parallel(List<EvidenceFile> files, int threads, CollectionRequest request,
                             AtomicLong rawBytes, Progress progress, long deadline, ScanContext global)
            throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "kb-logs-reader");
            t.setDaemon(true);
            return t;
        });
        ThreadLocal<SymptomMatcher> matchers = ThreadLocal.withInitial(() -> new SymptomMatcher(request.symptoms()));
        record Result(DeferredSink calls, ScanContext ctx, boolean timedOut) {
        }
        try {
            List<Future<Result>> results = new ArrayList<>();
            for (EvidenceFile f : files) {
                results.add(pool.submit(() -> {
                    DeferredSink calls = new DeferredSink();
                    ScanContext ctx = new ScanContext(matchers.get(), calls, progress, deadline);
                    try {
                        scanFile(f, rawBytes, ctx);
                        return new Result(calls, ctx, false);
                    } catch (ScanContext.TimeLimitReached e) {
                        return new Result(calls, ctx, true);
                    }
                }));
            }
            boolean timedOut = false;
            for (Future<Result> future : results) {
                Result r = future.get();
                r.calls().replay(global.sink());
                global.merge(r.ctx());
                timedOut |= r.timedOut();
            }
            return timedOut;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading logs", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Option {@code threads} (default: up to 2, never more than cores or files); 1 reads sequentially. */
    static int threads(CollectionRequest request, int files) {
        int wanted;
        try {
            wanted = Integer.parseInt(request.options().getOrDefault("threads",
                    String.valueOf(Math.min(2, Runtime.getRuntime().availableProcessors()))).strip());
        } catch (NumberFormatException e) {
            wanted = 1;
        }
        return Math.max(1, Math.min(Math.min(wanted, 8), files));
    }

    private void scanFile(EvidenceFile f, AtomicLong rawBytes, ScanContext ctx) {
        String name = f.name();
        ctx.progressFile(name);
        FactSink sink = ctx.sink();
        TextEncoding encoding = TextEncoding.of(f);
        if (encoding == null) {
            sink.skipped(name, f.head().length == 0 ? "empty file" : "not a log: binary content");
            return;
        }
        LogKind kind = LogKind.sniff(f.headText());
        if (kind == LogKind.EMPTY) {
            sink.skipped(name, "empty file");
            return;
        }
        sink.read(name, ID);
        try (InputStream in = TextDecoding.utf8(new CountingInputStream(f.openBytes(), rawBytes), encoding)) {
            readText(name, kind, in, ctx);
        } catch (IOException e) {
            sink.skipped(name, "cannot be read: " + e.getMessage());
        }
    }

    private void readText(String name, LogKind kind, InputStream in, ScanContext ctx) {
        TextLineReader lines = new TextLineReader(in);
        try {
            switch (kind) {
                case PROTOCOL -> new ProtocolLogReader(name, ctx).read(lines);
                case TRACKING -> new TrackingLogReader(name, ctx).read(lines);
                case EMAIL -> new NdrReader(name, ctx).read(lines);
                case QUEUE -> new QueueListReader(name, ctx).read(lines);
                default -> new TextLogScanner(name, ctx).read(lines);
            }
        } catch (IOException e) {
            // a truncated archive, a cap reached, or a file vanishing mid-read: keep what was read
            ctx.warn(name, (int) Math.max(1, Math.min(Integer.MAX_VALUE, lines.lineNumber())),
                    "read stopped: " + e.getMessage());
        }
        if (lines.lineNumber() > 0 && lines.longLines() > 0) {
            ctx.warn(name, null, lines.longLines() + " line(s) longer than " + TextLineReader.DEFAULT_MAX_LINE / 1024
                    + " KiB: only their start was read");
        }
    }
}
