package io.mailflowkb.cli.input;

import io.mailflowkb.model.InvalidInputException;
import io.mailflowkb.model.bundle.BundleCodec;
import io.mailflowkb.model.bundle.FactBundle;
import io.mailflowkb.model.spi.Claim;
import io.mailflowkb.model.spi.CollectingSink;
import io.mailflowkb.model.spi.EvidenceFile;
import io.mailflowkb.model.spi.FactCollector;
import io.mailflowkb.model.spi.InputKind;
import io.mailflowkb.model.spi.Request;
import io.mailflowkb.model.spi.SymptomSet;
import io.mailflowkb.plugins.input.ContentDetection;
import io.mailflowkb.plugins.input.EvidenceWalker;
import io.mailflowkb.plugins.input.WalkLimits;
import io.mailflowkb.plugins.input.WalkedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One path the user named (positionally, or with {@code --registry}/{@code --logs}/{@code --events}), read in
 * two steps like JUnit Platform's discovery and execution: the walk decodes the first bytes of every file (loose,
 * in folders, in archives) and assigns it to the collector that claims it most strongly; then each collector
 * reads all its files in one call, so facts aggregate over the whole input. Fact bundles found on the way are
 * read as bundles. Every file ends up in {@code inputs}: read by a collector, or skipped with the reason.
 *
 * <p>With an option, a loose file must be of that option's kind: one that another collector recognises is
 * refused with what it looks like ("this is a registry export: pass it without an option or with --registry").
 * Files inside a folder or archive go where their content says, whatever the option.
 */
final class EvidenceRun {

    /** Kinds in the order that names a collector's option, and the option for each. */
    private static final Map<InputKind, String> OPTION = Map.of(InputKind.REGISTRY, "--registry",
            InputKind.LOGS, "--logs", InputKind.EVENTS, "--events");
    private static final List<InputKind> FILE_KINDS = List.of(InputKind.REGISTRY, InputKind.LOGS, InputKind.EVENTS);

    private final CollectorCatalog catalog;
    private final SymptomSet symptoms;
    private final Map<String, String> options;

    EvidenceRun(CollectorCatalog catalog, SymptomSet symptoms, Map<String, String> options) {
        this.catalog = catalog;
        this.symptoms = symptoms;
        this.options = options;
    }

    /** How one input is walked: a path, or a file held in memory. */
    private interface Walk {
        void walk(EvidenceWalker walker, Consumer<WalkedFile> visitor);
    }

    /** @param kind the option's kind, or {@code null} for a positional path */
    FactBundle run(Path path, String name, InputKind kind) {
        return run(path, name, kind, !Files.isDirectory(path), (walker, visitor) -> walker.walk(path, name, visitor));
    }

    /** One loose file held in memory, named {@code name}: an example input read from kb.jar. */
    FactBundle run(String name, byte[] content, InputKind kind) {
        return run(null, name, kind, true, (walker, visitor) -> walker.walk(name, content, visitor));
    }

    private FactBundle run(Path path, String name, InputKind kind, boolean loose, Walk walk) {
        ProgressLine progress = ProgressLine.onTerminal();
        CollectingSink sink = new CollectingSink("input", progress);
        Map<FactCollector, List<EvidenceFile>> claimed = new LinkedHashMap<>();
        List<FactBundle> bundles = new ArrayList<>();
        try (EvidenceWalker walker = new EvidenceWalker(WalkLimits.from(options), sink)) {
            walk.walk(walker, f -> assign(f, kind, loose && f.name().equals(name), claimed, bundles, sink));
            for (Map.Entry<FactCollector, List<EvidenceFile>> e : claimed.entrySet()) {
                FactCollector c = e.getKey();
                InputKind as = kind != null && c.accepts().contains(kind) ? kind : fileKind(c);
                Request request = new Request(as, path, null, name, options, symptoms, null, null, e.getValue());
                try {
                    c.collect(request, sink);
                } catch (IOException x) {
                    throw new InvalidInputException(name, null, "cannot read: " + x.getMessage(), x);
                } finally {
                    if (progress != null) {
                        progress.clear();
                    }
                }
            }
        }
        // A file the user named that cannot be used is an error; files found inside folders and archives are
        // only listed as skipped, with the reason, so one stray file does not stop a whole evidence folder.
        if (loose) {
            sink.inputs().stream().filter(i -> i.source().equals(name) && i.skipped() != null).findFirst()
                    .ifPresent(i -> {
                        throw new InvalidInputException(name, null, (kind == null ? "not usable: "
                                : "not usable as " + kind.id() + " input: ") + i.skipped());
                    });
        }
        FactBundle merged = sink.toBundle();
        for (FactBundle b : bundles) {
            merged = merged.plus(b);
        }
        return merged;
    }

    private void assign(EvidenceFile f, InputKind kind, boolean named, Map<FactCollector, List<EvidenceFile>> claimed,
                        List<FactBundle> bundles, CollectingSink sink) {
        if (kind == null && BundleSniffer.looksLikeBundle(f.headText())) {
            bundles.add(readBundle(f, named));
            return;
        }
        ContentDetection.Assignment best = ContentDetection.best(catalog.all(), f);
        FactCollector collector = best == null ? null : best.collector();
        if (named && kind != null) {
            collector = forOption(f, kind, best);
        }
        if (collector == null) {
            sink.skipped(f.name(), ContentDetection.unclaimedReason(f));
            return;
        }
        sink.read(f.name(), collector.id());
        ContentDetection.Assignment own = best != null && best.collector() == collector ? best
                : ContentDetection.best(List.of(collector), f);
        if (own != null) {
            sink.kind(f.name(), own.claim().kind());
        }
        claimed.computeIfAbsent(collector, c -> new ArrayList<>()).add(f);
    }

    /** A loose file given with an option: the option's collector, or a refusal saying what the file looks like. */
    private FactCollector forOption(EvidenceFile f, InputKind kind, ContentDetection.Assignment best) {
        if (best != null && best.collector().accepts().contains(kind)) {
            return best.collector();
        }
        if (best != null && best.claim().strength() == Claim.Strength.FORMAT) {
            String option = OPTION.get(fileKind(best.collector()));
            String what = best.claim().kind();
            String article = !what.isEmpty() && "aeiouAEIOU".indexOf(what.charAt(0)) >= 0 ? "an " : "a ";
            throw new InvalidInputException(f.name(), null, "this is " + article + what
                    + ": pass it without an option" + (option == null ? "" : " or with " + option));
        }
        List<FactCollector> ofKind = catalog.all().stream().filter(c -> c.accepts().contains(kind)).toList();
        ContentDetection.Assignment own = ContentDetection.best(ofKind, f);
        if (own != null) {
            return own.collector();
        }
        if (ofKind.isEmpty()) {
            throw new InvalidInputException(f.name(), null, "no collector for " + kind.id() + " inputs is installed");
        }
        return ofKind.get(0); // it reads the file and says why it is not of its kind
    }

    private static InputKind fileKind(FactCollector c) {
        for (InputKind k : FILE_KINDS) {
            if (c.accepts().contains(k)) {
                return k;
            }
        }
        return c.accepts().stream().filter(k -> k != InputKind.LIVE_REGISTRY && k != InputKind.PROBE).findFirst()
                .orElse(InputKind.LOGS);
    }

    private static FactBundle readBundle(EvidenceFile f, boolean named) {
        byte[] bytes;
        try (InputStream in = f.openBytes()) {
            bytes = in.readNBytes(BundleSniffer.MAX_BUNDLE_BYTES + 1);
        } catch (IOException e) {
            throw new InvalidInputException(f.name(), null, "cannot read: " + e.getMessage(), e);
        }
        if (bytes.length > BundleSniffer.MAX_BUNDLE_BYTES) {
            throw new InvalidInputException(f.name(), null, "too large for a fact bundle (more than "
                    + BundleSniffer.MAX_BUNDLE_BYTES + " bytes)");
        }
        return InputAssembler.named(BundleCodec.read(bytes, f.name()), f.name());
    }
}
