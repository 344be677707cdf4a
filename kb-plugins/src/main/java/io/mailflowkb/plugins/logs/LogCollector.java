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
        AtomicLong rawBytes = new AtomicLong();
        boolean wantProgress = !"false".equalsIgnoreCase(request.options().getOrDefault("progress", "true"));
        Progress progress = Progress.of(wantProgress, total, rawBytes::get);
        long deadline = System.nanoTime() + request.timeLimit().toNanos();
        SymptomMatcher matcher = new SymptomMatcher(request.symptoms());
        matcher.problems().forEach(p -> sink.warning(display, null, p));
        ScanContext ctx = new ScanContext(matcher, sink, progress, deadline);
        boolean dir = Files.isDirectory(root);
        List<String> names = files.stream().map(f -> dir
                ? display + "/" + root.relativize(f).toString().replace('\\', '/') : display).toList();
        int threads = threads(request, files.size());
        boolean timedOut = false;
        try {
            if (threads <= 1) {
                InputWalker walker = new InputWalker(sink, rawBytes);
                for (int i = 0; i < files.size(); i++) {
                    scanFile(files.get(i), names.get(i), walker, ctx);
                }
            } else {
                timedOut = parallel(files, names, threads, request, rawBytes, progress, deadline, ctx);
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
    private boolean parallel(List<Path> files, List<String> names, int threads, CollectionRequest request,
                             AtomicLong rawBytes, Progress progress, long deadline, ScanContext global)
            throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "kb-logs-reader");
            t.setDaemon(true);
            return t;
        });
        ThreadLocal<SymptomMatcher> matchers = ThreadLocal.withInitial(() -> new SymptomMatcher(request.symptoms()));
        record Result(RecordingSink calls, ScanContext ctx, boolean timedOut) {
        }
        try {
            List<Future<Result>> results = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                Path f = files.get(i);
                String name = names.get(i);
                results.add(pool.submit(() -> {
                    RecordingSink calls = new RecordingSink();
                    ScanContext ctx = new ScanContext(matchers.get(), calls, progress, deadline);
                    try {
                        scanFile(f, name, new InputWalker(calls, rawBytes), ctx);
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

    private void scanFile(Path f, String name, InputWalker walker, ScanContext ctx) {
        ctx.progressFile(name);
        try {
            walker.walk(f, name, (n, in) -> readFile(n, in, ctx));
        } catch (IOException e) {
            ctx.sink().skipped(name, "cannot be read: " + e.getMessage());
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
