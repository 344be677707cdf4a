package io.mailflowkb.model.spi;

import io.mailflowkb.model.InvalidInputException;
import java.io.IOException;
import java.util.Set;

/**
 * A plugin that turns artifacts (files, live targets) into facts. Found with {@link java.util.ServiceLoader}:
 * list the implementation in {@code META-INF/services/io.mailflowkb.model.spi.FactCollector}. Collectors never
 * see the rule engine; they depend on {@code kb-model} alone.
 *
 * <p>The shape follows JUnit Platform's {@code TestEngine}: the engine first discovers (walks every input once,
 * asks each collector to {@link #claim} each file from its first bytes), then executes (one {@link #collect} call
 * per collector with the files it claimed in {@link CollectionRequest#files()}, facts streaming out through the
 * sink).
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #collect} may block (file and network I/O) but must respect {@link CollectionRequest#timeLimit()}.</li>
 *   <li>Facts go to the sink as they are found; nothing is returned in bulk.</li>
 *   <li>A malformed part of an input is a {@link FactSink#warning}; an input that cannot be read at all (binary,
 *       truncated, wrong format) is an {@link InvalidInputException} naming it, never another runtime exception.</li>
 *   <li>When {@link CollectionRequest#files()} holds several files, one that cannot be read is
 *       {@link FactSink#skipped skipped} with the reason and the others are still read; the engine turns a skip
 *       of a file the user named directly into an error.</li>
 *   <li>Implementations must be stateless or thread-safe: one instance serves many requests.</li>
 * </ul>
 */
public interface FactCollector {

    /** A short unique id, e.g. {@code registry}; shown by {@code kb plugins} and in {@code inputs[].collector}. */
    String id();

    /** One line saying what it reads. */
    String description();

    /** The input kinds it takes. */
    Set<InputKind> accepts();

    /** File formats or targets it understands, for {@code kb plugins} (e.g. ".reg (UTF-16LE, UTF-8, ANSI)"). */
    default String formats() {
        return "";
    }

    /** Whether it can only run on the machine being diagnosed, and only there (e.g. reading the live registry). */
    default boolean needsLocalMachine() {
        return false;
    }

    /**
     * Why its live mode ({@link InputKind#PROBE}, {@link InputKind#LIVE_REGISTRY}) cannot run here, or {@code null}
     * when it can. A Windows-only live registry reader says so on Linux; its file inputs still work.
     */
    default String unavailableReason() {
        return null;
    }

    /**
     * Whether this collector reads the given file, judged from its content ({@link EvidenceFile#head()} or
     * {@link EvidenceFile#headText()}, never the whole file and never the name). The engine asks every collector
     * about every file it walks (loose files, folders, archive entries); the strongest claim wins and the file
     * then reaches that collector through {@link CollectionRequest#files()}. Must be fast (it runs for every
     * file of a 1 GB folder), must not open the file, and must not throw: a file it does not understand is
     * {@link Claim#NONE}.
     *
     * <p>The default keeps collectors written before this method working: it claims the file as a
     * {@link Claim.Strength#FORMAT format} when {@link #recognizes} says yes for one of the accepted kinds.
     */
    default Claim claim(EvidenceFile file) {
        for (InputKind kind : accepts()) {
            if (recognizes(kind, file.name(), file.head())) {
                return Claim.format(id());
            }
        }
        return Claim.NONE;
    }

    /**
     * The first form of content detection, kept for collectors that implement it: whether this collector reads
     * an input of this kind whose first bytes are {@code head}. New collectors implement {@link #claim} instead.
     * The default says no.
     *
     * @param head up to the first 64 KiB of the file
     */
    default boolean recognizes(InputKind kind, String name, byte[] head) {
        return false;
    }

    /** Version of the plugin, shown by {@code kb plugins}. */
    default String version() {
        String v = getClass().getPackage() == null ? null : getClass().getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /**
     * Reads the input and sends facts and warnings to the sink.
     *
     * @throws InvalidInputException when the input cannot be read at all (names the input and line)
     * @throws IOException           when the input cannot be accessed (missing file, network failure)
     */
    void collect(CollectionRequest request, FactSink sink) throws IOException;
}
