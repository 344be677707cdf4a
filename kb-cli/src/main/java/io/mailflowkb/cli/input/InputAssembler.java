package io.mailflowkb.cli.input;

import io.mailflowkb.model.InvalidInputException;
import io.mailflowkb.model.bundle.BundleCodec;
import io.mailflowkb.model.bundle.FactBundle;
import io.mailflowkb.model.finding.InputSummary;
import io.mailflowkb.model.spi.Claim;
import io.mailflowkb.model.spi.CollectingSink;
import io.mailflowkb.model.spi.FactCollector;
import io.mailflowkb.model.spi.InputKind;
import io.mailflowkb.model.spi.Request;
import io.mailflowkb.model.spi.SymptomSet;
import io.mailflowkb.plugins.input.ContentDetection;
import io.mailflowkb.plugins.input.EvidenceWalker;
import io.mailflowkb.plugins.input.WalkedFile;
import io.mailflowkb.rules.knowledge.KnowledgeExample;
import io.mailflowkb.rules.knowledge.KnowledgeSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Turns what the user named on the command line (bundles and raw inputs) into one fact bundle: bundles are read
 * with {@link BundleCodec}, raw inputs go to the collector that recognises their content.
 */
public final class InputAssembler {

    private static final int HEAD_BYTES = 64 * 1024;
    private static final int MAX_PARALLEL_PROBES = 4;

    private final CollectorCatalog catalog;
    private final SymptomSet symptoms;
    private final Map<String, String> options;

    /** @param symptoms the knowledge's symptoms, compiled once, for the collectors that scan text */
    public InputAssembler(CollectorCatalog catalog, SymptomSet symptoms, Map<String, String> options) {
        this.catalog = catalog;
        this.symptoms = symptoms;
        this.options = options;
    }

    /** Collects every raw input named by the options into one bundle (empty when there are none). */
    public FactBundle collect(InputOptions in) {
        return collect(in, List.of());
    }

    /**
     * Collects the evidence paths (folders, archives, loose files of any kind, detected by content) and every raw
     * input named by the options into one bundle.
     */
    public FactBundle collect(InputOptions in, List<Path> evidence) {
        FactBundle merged = FactBundle.builder().build();
        EvidenceRun run = new EvidenceRun(catalog, symptoms, walkOptions(in));
        for (Path p : evidence) {
            merged = merged.plus(run.run(p, displayName(p), null));
        }
        for (Path p : in.registry) {
            merged = merged.plus(run.run(p, displayName(p), InputKind.REGISTRY));
        }
        for (Path p : in.logs) {
            merged = merged.plus(run.run(p, displayName(p), InputKind.LOGS));
        }
        for (Path p : in.events) {
            merged = merged.plus(run.run(p, displayName(p), InputKind.EVENTS));
        }
        for (String spec : in.byCollector) {
            int eq = spec.indexOf('=');
            if (eq < 1) {
                throw new InvalidInputException(spec, null, "--input takes COLLECTOR=PATH");
            }
            FactCollector c = catalog.byId(spec.substring(0, eq));
            if (c == null) {
                throw new InvalidInputException(spec, null, "no collector with id '" + spec.substring(0, eq)
                        + "' (see kb plugins)");
            }
            Path p = Path.of(spec.substring(eq + 1));
            merged = merged.plus(runFile(c.accepts().isEmpty() ? InputKind.LOGS : c.accepts().iterator().next(), p, c));
        }
        if (in.liveRegistry) {
            merged = merged.plus(runLive(InputKind.LIVE_REGISTRY, "live-registry"));
        }
        return merged.plus(probeAll(in.probes));
    }

    /**
     * Probes several targets at once on a small bounded pool (a probe mostly waits on the network), each into its
     * own sink, merged in the order the targets were given so the output does not depend on who answered first.
     */
    private FactBundle probeAll(List<String> targets) {
        FactBundle merged = FactBundle.builder().build();
        if (targets.isEmpty()) {
            return merged;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(MAX_PARALLEL_PROBES, targets.size()));
        try {
            List<Future<FactBundle>> results = new ArrayList<>();
            for (String target : targets) {
                results.add(pool.submit(() -> runLive(InputKind.PROBE, target)));
            }
            for (Future<FactBundle> f : results) {
                merged = merged.plus(f.get());
            }
            return merged;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while probing", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The collector options plus the archive caps given as their own options. */
    private Map<String, String> walkOptions(InputOptions in) {
        if (in.maxInflated == null) {
            return options;
        }
        Map<String, String> all = new LinkedHashMap<>(options);
        all.put("maxInflated", in.maxInflated);
        return all;
    }

    /**
     * Whether a positional argument is a fact bundle (diagnosed as it is, several of them one by one) rather than
     * evidence: a file whose content starts like one, or a {@code .yaml}/{@code .yml}/{@code .json} file (or a
     * missing one) that no collector recognises, so a damaged bundle still gets the bundle reader's message.
     */
    public boolean isBundle(Path p) {
        String name = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean named = name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
        if (!Files.exists(p)) {
            return named;
        }
        if (!Files.isRegularFile(p)) {
            return false;
        }
        WalkedFile f;
        try {
            f = WalkedFile.onDisk(p, displayName(p));
        } catch (IOException e) {
            return named;
        }
        if (BundleSniffer.looksLikeBundle(f.headText())) {
            return true;
        }
        ContentDetection.Assignment best = ContentDetection.best(catalog.all(), f);
        return named && (best == null || best.claim().strength() != Claim.Strength.FORMAT);
    }

    /** Reads a fact bundle file; a bundle that names no inputs is listed in {@code inputs[]} itself. */
    public static FactBundle readBundle(Path p) {
        if (!Files.exists(p)) {
            throw new InvalidInputException(p.toString(), null, "no such file");
        }
        return named(BundleCodec.read(p), displayName(p));
    }

    /** The bundle, listed in {@code inputs[]} under {@code name} when it names no inputs of its own. */
    static FactBundle named(FactBundle b, String name) {
        if (!b.inputs().isEmpty()) {
            return b;
        }
        InputSummary self = new InputSummary(name, "bundle", (int) b.facts().count(), List.of());
        return b.withInputs(List.of(self));
    }

    /**
     * Reads an example's inputs: {@code .yaml}/{@code .json} bundles, or {@code kind:path} raw artifacts, raw ones
     * kind by kind (registry, logs, events) after the bundles. A file packaged in kb.jar is read from the jar's
     * directory ({@link KnowledgeExample#packagedInput}); a folder, or an example on disk, is read through its path.
     */
    public FactBundle readExample(KnowledgeExample example) {
        FactBundle merged = FactBundle.builder().build();
        Map<InputKind, List<ExampleInput>> raw = new EnumMap<>(InputKind.class);
        for (String input : example.definition().inputs()) {
            int colon = input.indexOf(':');
            String kind = colon > 0 ? input.substring(0, colon) : "bundle";
            String relative = colon > 0 ? input.substring(colon + 1) : input;
            KnowledgeSource.PackagedFile packaged = example.packagedInput(relative);
            // refuses paths out of its folder
            ExampleInput in = new ExampleInput(packaged == null ? example.input(relative) : null, packaged);
            switch (kind) {
                case "bundle" -> merged = merged.plus(packaged == null ? readBundle(in.path())
                        : named(BundleCodec.read(packaged.content(), packaged.name()), packaged.name()));
                case "registry" -> raw.computeIfAbsent(InputKind.REGISTRY, k -> new ArrayList<>()).add(in);
                case "logs" -> raw.computeIfAbsent(InputKind.LOGS, k -> new ArrayList<>()).add(in);
                case "events" -> raw.computeIfAbsent(InputKind.EVENTS, k -> new ArrayList<>()).add(in);
                default -> throw new InvalidInputException(input, null, "unknown example input kind '" + kind + "'");
            }
        }
        if (raw.isEmpty()) {
            return merged;
        }
        EvidenceRun run = new EvidenceRun(catalog, symptoms, options);
        FactBundle collected = FactBundle.builder().build();
        for (Map.Entry<InputKind, List<ExampleInput>> kind : raw.entrySet()) { // EnumMap: registry, logs, events
            for (ExampleInput in : kind.getValue()) {
                collected = collected.plus(in.packaged() != null
                        ? run.run(in.packaged().name(), in.packaged().content(), kind.getKey())
                        : run.run(in.path(), displayName(in.path()), kind.getKey()));
            }
        }
        return merged.plus(collected);
    }

    /** One raw input of an example: a path, or a file read from kb.jar. */
    private record ExampleInput(Path path, KnowledgeSource.PackagedFile packaged) {
    }

    /** Runs one file or folder through its collector, into a sink of its own so every input names its collector. */
    private FactBundle runFile(InputKind kind, Path path, FactCollector forced) {
        String name = displayName(path);
        if (path.getFileSystem() == FileSystems.getDefault()) {
            EvidenceWalker.checkNamed(path, name); // regular files and folders only
        } else if (!Files.exists(path)) {
            throw new InvalidInputException(name, null, "no such file or folder");
        }
        byte[] head = Files.isDirectory(path) ? new byte[0] : head(path);
        // a folder has no content to claim: its collector walks it and is asked about each file inside
        FactCollector collector = forced != null ? forced : Files.isDirectory(path)
                ? catalog.all().stream().filter(c -> c.accepts().contains(kind)).findFirst().orElse(null)
                : catalog.forInput(kind, name, head);
        if (collector == null) {
            List<String> ids = catalog.idsFor(kind);
            throw new InvalidInputException(name, null, ids.isEmpty()
                    ? "no collector for " + kind.id() + " inputs is installed"
                    : "not a " + kind.id() + " input that kb can read (tried: " + String.join(", ", ids) + ")");
        }
        ProgressLine progress = ProgressLine.onTerminal();
        CollectingSink sink = new CollectingSink(collector.id(), progress);
        if (!Files.isDirectory(path)) {
            sink.read(name, collector.id()); // a folder is listed through the files in it
            sink.kind(name, collector.claim(WalkedFile.of(name, head)).kind());
        }
        try {
            collector.collect(new Request(kind, path, null, name, options, symptoms, null, null), sink);
        } catch (IOException e) {
            throw new InvalidInputException(name, null, "cannot read: " + InvalidInputException.ioReason(e), e);
        } finally {
            if (progress != null) {
                progress.clear();
            }
        }
        // A file the user named that cannot be used is an error; files found inside folders and archives are
        // only listed as skipped, with the reason, so one stray file does not stop a whole log folder.
        if (!Files.isDirectory(path)) {
            sink.inputs().stream().filter(i -> i.source().equals(name) && i.skipped() != null).findFirst()
                    .ifPresent(i -> {
                        throw new InvalidInputException(name, null, "not usable as " + kind.id() + " input: "
                                + i.skipped());
                    });
        }
        return sink.toBundle();
    }

    private FactBundle runLive(InputKind kind, String target) {
        FactCollector collector = catalog.all().stream().filter(c -> c.accepts().contains(kind)).findFirst()
                .orElseThrow(() -> new InvalidInputException(target, null, "no collector for " + kind.id()
                        + " is installed"));
        if (collector.unavailableReason() != null) {
            throw new InvalidInputException(target, null, collector.unavailableReason());
        }
        CollectingSink sink = new CollectingSink(collector.id());
        if (kind != InputKind.PROBE) {
            sink.read(target, collector.id()); // a probe names its input itself (probe:host:port)
        }
        try {
            collector.collect(new Request(kind, null, target, target, options, symptoms, null, null), sink);
        } catch (IOException e) {
            throw new InvalidInputException(target, null, e.getMessage(), e);
        }
        return sink.toBundle();
    }

    /** The path as typed; for bundled examples read from inside the jar, without the jar file system's leading '/'. */
    static String displayName(Path path) {
        String s = path.toString();
        return path.getFileSystem() != FileSystems.getDefault() && s.startsWith("/") ? s.substring(1) : s;
    }

    private static byte[] head(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return in.readNBytes(HEAD_BYTES);
        } catch (IOException e) {
            throw new InvalidInputException(path.toString(), null, "cannot read: " + InvalidInputException.ioReason(e), e);
        }
    }
}
