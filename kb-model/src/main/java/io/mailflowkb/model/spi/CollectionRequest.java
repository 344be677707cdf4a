package io.mailflowkb.model.spi;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One input handed to a collector. Implemented by the engine; a collector only reads it.
 */
public interface CollectionRequest {

    /** What kind of input this is. */
    InputKind kind();

    /** The file or folder to read; {@code null} for live targets ({@link InputKind#PROBE}, {@link InputKind#LIVE_REGISTRY}). */
    Path path();

    /**
     * The files the engine's walk assigned to this collector by content ({@link FactCollector#claim}), in walk
     * order (sorted paths, archive entries in archive order); empty when the collector should read
     * {@link #path()} itself (live targets, {@code --input COLLECTOR=PATH}, or a program calling the collector
     * directly). When non-empty, {@link #path()} is the input the user named that held them (for messages).
     */
    default List<EvidenceFile> files() {
        return List.of();
    }

    /** {@code host[:port]} for probes; {@code null} otherwise. */
    String target();

    /** How provenance should name this input (the path as the user typed it, relative where possible). */
    String displayName();

    /** Collector options from the command line or the embedding program ({@code name -> value}); never null. */
    Map<String, String> options();

    /**
     * The symptom strings and patterns the knowledge declares, compiled once by the caller; collectors that scan
     * text look for these. Never null ({@link SymptomSet#EMPTY} without knowledge).
     */
    SymptomSet symptoms();

    /** The clock to use for "now" (probes, certificate validity), so tests can fix time. */
    Clock clock();

    /**
     * Upper bound for the whole collection; a collector that talks to the network must respect it.
     * Never null.
     */
    Duration timeLimit();
}
