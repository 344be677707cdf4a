package io.mailflowkb.cli.input;

import io.mailflowkb.model.InvalidInputException;
import io.mailflowkb.model.bundle.BundleCodec;
import io.mailflowkb.model.bundle.FactBundle;
import io.mailflowkb.model.finding.InputSummary;
import io.mailflowkb.model.knowledge.SymptomDefinition;
import io.mailflowkb.model.spi.CollectingSink;
import io.mailflowkb.model.spi.FactCollector;
import io.mailflowkb.model.spi.InputKind;
import io.mailflowkb.model.spi.Request;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Map;

/**
 * Turns what the user named on the command line (bundles and raw inputs) into one fact bundle: bundles are read
 * with {@link BundleCodec}, raw inputs go to the collector that recognises their content.
 */
public final class InputAssembler {

    private static final int HEAD_BYTES = 64 * 1024;
    private static final int MAX_PARALLEL_PROBES = 4;

    private final CollectorCatalog catalog;
    private final List<SymptomDefinition> symptoms;
    private final Map<String, String> options;

    public InputAssembler(CollectorCatalog catalog, List<SymptomDefinition> symptoms, Map<String, String> options) {
        this.catalog = catalog;
        this.symptoms = symptoms;
        this.options = options;
    }

    /** Collects every raw input named by the options into one bundle (empty when there are none). */
    public FactBundle collect(InputOptions in) {
        CollectingSink sink = new CollectingSink("unknown");
        for (Path p : in.registry) {
            runFile(InputKind.REGISTRY, p, null, sink);
        }
        for (Path p : in.logs) {
            runFile(InputKind.LOGS, p, null, sink);
        }
        for (Path p : in.events) {
            runFile(InputKind.EVENTS, p, null, sink);
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
            runFile(c.accepts().isEmpty() ? InputKind.LOGS : c.accepts().iterator().next(), p, c, sink);
        }
        if (in.liveRegistry) {
            runLive(InputKind.LIVE_REGISTRY, "live-registry", sink);
        }
        return sink.toBundle().plus(probeAll(in.probes));
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
                results.add(pool.submit(() -> {
                    CollectingSink own = new CollectingSink("probe");
                    runLive(InputKind.PROBE, target, own);
                    return own.toBundle();
                }));
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

    /** Reads a fact bundle file; a bundle that names no inputs is listed in {@code inputs[]} itself. */
    public static FactBundle readBundle(Path p) {
        if (!Files.exists(p)) {
            throw new InvalidInputException(p.toString(), null, "no such file");
        }
        FactBundle b = BundleCodec.read(p);
        if (!b.inputs().isEmpty()) {
            return b;
        }
        InputSummary self = new InputSummary(p.toString(), "bundle", (int) b.facts().count(), List.of());
        return new FactBundle(b.schemaVersion(), b.host(), b.registryKeys(), b.registryValues(), b.symptoms(),
                b.tlsOutcomes(), b.events(), b.probes(), b.certificates(), List.of(self));
    }

    /** Reads an example's inputs: {@code .yaml}/{@code .json} bundles, or {@code kind:path} raw artifacts. */
    public FactBundle readExample(Path base, List<String> inputs) {
        FactBundle merged = FactBundle.builder().build();
        InputOptions raw = new InputOptions();
        for (String input : inputs) {
            int colon = input.indexOf(':');
            String kind = colon > 0 ? input.substring(0, colon) : "bundle";
            Path p = base.resolve(colon > 0 ? input.substring(colon + 1) : input);
            switch (kind) {
                case "bundle" -> merged = merged.plus(readBundle(p));
                case "registry" -> raw.registry.add(p);
                case "logs" -> raw.logs.add(p);
                case "events" -> raw.events.add(p);
                default -> throw new InvalidInputException(input, null, "unknown example input kind '" + kind + "'");
            }
        }
        return raw.isEmpty() ? merged : merged.plus(collect(raw));
    }

    private void runFile(InputKind kind, Path path, FactCollector forced, CollectingSink sink) {
        String name = path.toString();
        if (!Files.exists(path)) {
            throw new InvalidInputException(name, null, "no such file or folder");
        }
        if (!Files.isReadable(path)) {
            throw new InvalidInputException(name, null, "not readable");
        }
        byte[] head = Files.isDirectory(path) ? new byte[0] : head(path);
        FactCollector collector = forced != null ? forced : catalog.forInput(kind, name, head);
        if (collector == null) {
            List<String> ids = catalog.idsFor(kind);
            throw new InvalidInputException(name, null, ids.isEmpty()
                    ? "no collector for " + kind.id() + " inputs is installed"
                    : "not a " + kind.id() + " input that kb can read (tried: " + String.join(", ", ids) + ")");
        }
        if (!Files.isDirectory(path)) {
            sink.read(name, collector.id()); // a folder is listed through the files in it
        }
        try {
            collector.collect(new Request(kind, path, null, name, options, symptoms, null, null), sink);
        } catch (IOException e) {
            throw new InvalidInputException(name, null, "cannot read: " + e.getMessage(), e);
        }
    }

    private void runLive(InputKind kind, String target, CollectingSink sink) {
        FactCollector collector = catalog.all().stream().filter(c -> c.accepts().contains(kind)).findFirst()
                .orElseThrow(() -> new InvalidInputException(target, null, "no collector for " + kind.id()
                        + " is installed"));
        if (collector.unavailableReason() != null) {
            throw new InvalidInputException(target, null, collector.unavailableReason());
        }
        if (kind != InputKind.PROBE) {
            sink.read(target, collector.id()); // a probe names its input itself (probe:host:port)
        }
        try {
            collector.collect(new Request(kind, null, target, target, options, symptoms, null, null), sink);
        } catch (IOException e) {
            throw new InvalidInputException(target, null, e.getMessage(), e);
        }
    }

    private static byte[] head(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return in.readNBytes(HEAD_BYTES);
        } catch (IOException e) {
            throw new InvalidInputException(path.toString(), null, "cannot read: " + e.getMessage(), e);
        }
    }
}
