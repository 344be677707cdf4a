package io.mailflowkb.plugins.registry;

import io.mailflowkb.model.InvalidInputException;
import io.mailflowkb.model.fact.Fact;
import io.mailflowkb.model.fact.RegistryValue;
import io.mailflowkb.model.spi.Claim;
import io.mailflowkb.model.spi.CollectionRequest;
import io.mailflowkb.model.spi.EvidenceFile;
import io.mailflowkb.model.spi.FactCollector;
import io.mailflowkb.model.spi.FactSink;
import io.mailflowkb.model.spi.InputKind;
import io.mailflowkb.plugins.input.TextDecoding;
import io.mailflowkb.plugins.input.TextEncoding;
import io.mailflowkb.plugins.input.WalkedFile;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Registry input: .reg exports (UTF-16LE, UTF-8, ANSI; also the damaged snippets people paste) and
 * {@code reg query} output, from a file or, on Windows, from the live registry. Emits every key and value it
 * finds and, when the export holds them, one {@link io.mailflowkb.model.fact.HostProfile}.
 */
public final class RegistryCollector implements FactCollector {

    public static final String ID = "registry";
    private static final String LIVE_SOURCE = "live-registry";
    static final String KIND_EXPORT = "registry export";
    static final String KIND_QUERY = "reg query output file";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Registry exports (.reg) and reg query output: SChannel, .NET, WinHTTP, cipher suites, host profile";
    }

    @Override
    public Set<InputKind> accepts() {
        return Set.of(InputKind.REGISTRY, InputKind.LIVE_REGISTRY);
    }

    @Override
    public String formats() {
        return ".reg (UTF-16LE, UTF-8, ANSI; REGEDIT4 and version 5), reg query [/s] output, live registry (Windows)";
    }

    @Override
    public boolean needsLocalMachine() {
        return false;    // files are read anywhere; only LIVE_REGISTRY needs Windows (see unavailableReason)
    }

    @Override
    public String unavailableReason() {
        return LiveRegistryReader.onWindows() ? null
                : "Reading the live registry needs Windows; registry export files can still be read here.";
    }

    @Override
    public Claim claim(EvidenceFile file) {
        String text = file.headText();
        if (text == null) {
            return Claim.NONE;
        }
        List<String> lines = text.lines().limit(RegistryFormat.SNIFF_LINES).toList();
        return switch (RegistryFormat.sniff(lines).format()) {
            case REG_FILE -> Claim.format(KIND_EXPORT);
            case REG_QUERY -> Claim.format(KIND_QUERY);
            default -> Claim.NONE;
        };
    }

    @Override
    public void collect(CollectionRequest request, FactSink sink) throws IOException {
        String source = request.displayName() != null ? request.displayName()
                : request.path() != null ? request.path().toString() : LIVE_SOURCE;
        if (request.kind() == InputKind.LIVE_REGISTRY) {
            sink.read(source, ID);
            guarded(source, () -> emit(live(request, source, sink), sink));
            return;
        }
        if (request.files().isEmpty()) {
            sink.read(source, ID);
            guarded(source, () -> emit(file(single(request.path(), source), source, sink), sink));
            return;
        }
        // walked files: one that cannot be read is skipped with the reason, the others are still read
        for (EvidenceFile f : request.files()) {
            sink.read(f.name(), ID);
            try {
                guarded(f.name(), () -> emit(file(f, f.name(), sink), sink));
            } catch (InvalidInputException e) {
                sink.skipped(f.name(), e.reason() + (e.line() == null ? "" : " (line " + e.line() + ")"));
            } catch (IOException e) {
                sink.skipped(f.name(), "cannot be read: " + e.getMessage());
            }
        }
    }

    private interface Work {
        void run() throws IOException;
    }

    private static void guarded(String source, Work work) throws IOException {
        try {
            work.run();
        } catch (InvalidInputException | IOException e) {
            throw e;
        } catch (RuntimeException e) {
            // A parser bug must not surface as a stack trace; the input is named so the user can report it.
            throw new InvalidInputException(source, null, "could not be read as a registry export ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
    }

    private static EvidenceFile single(Path path, String source) throws IOException {
        if (path == null) {
            throw new InvalidInputException(source, null, "no file given");
        }
        if (Files.isDirectory(path)) {
            throw new InvalidInputException(source, null, "is a folder, not a registry export");
        }
        return WalkedFile.onDisk(path, source);
    }

    private static List<Fact> live(CollectionRequest request, String source, FactSink sink) throws IOException {
        if (!LiveRegistryReader.onWindows()) {
            throw new InvalidInputException(source, null,
                    "live registry mode is Windows-only; export the keys with reg export and pass the file instead");
        }
        return LiveRegistryReader.read(source, request.timeLimit(), sink);
    }

    private static List<Fact> file(EvidenceFile file, String source, FactSink sink) throws IOException {
        TextEncoding encoding = RegistryEncoding.check(file, source);
        RegistryFormat.Verdict verdict;
        try (LineReader in = new LineReader(TextDecoding.reader(file.openBytes(), encoding))) {
            verdict = RegistryFormat.sniff(head(in));
        }
        if (verdict.format() == RegistryFormat.UNKNOWN) {
            throw new InvalidInputException(source, null, verdict.firstLine().isEmpty()
                    ? "not a registry export: no text in the file"
                    : "not a registry export: first line is " + Quoted.of(verdict.firstLine()));
        }
        try (Reader reader = TextDecoding.reader(file.openBytes(), encoding); LineReader in = new LineReader(reader)) {
            return parse(verdict.format(), in, source, sink);
        }
    }

    private static List<Fact> parse(RegistryFormat format, LineReader in, String source, FactSink sink) throws IOException {
        return format == RegistryFormat.REG_QUERY ? new RegQueryParser(source, true, sink).parse(in)
                : new RegFileParser(source, sink).parse(in);
    }

    private static List<String> head(LineReader in) throws IOException {
        // Bounded: a file of huge lines must not make the sniffer hold them all.
        List<String> lines = new ArrayList<>();
        long kept = 0;
        LineReader.Line line;
        while (lines.size() < RegistryFormat.SNIFF_LINES && kept < 65536 && (line = in.next()) != null) {
            String t = line.text().length() > 4096 ? line.text().substring(0, 4096) : line.text();
            lines.add(t);
            kept += t.length();
        }
        return lines;
    }

    private static void emit(List<Fact> facts, FactSink sink) {
        HostProfileBuilder host = new HostProfileBuilder();
        for (Fact f : facts) {
            sink.fact(f);
            if (f instanceof RegistryValue v) {
                host.observe(v);
            }
        }
        host.build().ifPresent(sink::fact);
    }
}
