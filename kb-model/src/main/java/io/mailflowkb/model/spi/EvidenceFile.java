package io.mailflowkb.model.spi;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/**
 * One file of the evidence as the engine found it: a loose file, a file in a folder, or an entry of a
 * {@code .zip} or {@code .gz} (nested up to a depth). The engine walks every input once, decodes the first bytes
 * of each file and asks every collector to {@link FactCollector#claim claim} it; the claimed files then reach the
 * collector through {@link CollectionRequest#files()}. Implemented by the engine; a collector only reads it.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #head()} and {@link #headText()} are bounded ({@link #HEAD_LIMIT} bytes) and cheap to call
 *       repeatedly: claiming a file never reads the rest of it (an archive entry of 2 GB of zeros is judged
 *       from its first bytes and never inflated whole).</li>
 *   <li>{@link #openBytes()} and {@link #openText()} may be called more than once, each time from the start.
 *       Reading an archive entry counts against the walk's inflated-size and compression-ratio caps: when a cap
 *       is reached the stream throws an {@link IOException} whose message says which cap (treat it like any read
 *       error: keep what was read, warn, or skip the file).</li>
 *   <li>Nothing here is ever null except where said.</li>
 * </ul>
 */
public interface EvidenceFile {

    /** How many leading bytes {@link #head()} holds at most. */
    int HEAD_LIMIT = 64 * 1024;

    /**
     * How provenance names this file: the path as the user typed it, then {@code /} and the path inside a
     * folder, and {@code !/} and the entry name inside an archive ({@code evidence.zip!/logs/SEND1.LOG}).
     */
    String name();

    /** Size in bytes when known (files on disk, archive entries that declare it), otherwise -1. */
    long size();

    /** Up to the first {@link #HEAD_LIMIT} bytes, raw (byte order mark included). Do not modify. */
    byte[] head();

    /**
     * The head decoded in the detected {@link #encoding()}, byte order mark removed, possibly ending in the middle
     * of a line; {@code null} when the file is not text (binary content, or empty).
     */
    String headText();

    /**
     * The detected text encoding, as a label for messages: {@code UTF-8}, {@code UTF-8 with BOM},
     * {@code UTF-16LE with BOM}, {@code UTF-16LE} (no BOM), {@code UTF-16BE with BOM}, {@code UTF-16BE},
     * {@code windows-1252}; {@code null} when the file is not text.
     */
    String encoding();

    /** The whole content as stored (byte order mark included), from the first byte. The caller closes it. */
    InputStream openBytes() throws IOException;

    /**
     * The whole content decoded in the detected encoding, byte order mark skipped; bytes that are invalid in that
     * encoding become U+FFFD. Text that is not in UTF-8 is decoded exactly the same way for every collector (one
     * decoding path). The caller closes it.
     *
     * @throws IOException also when the file is not text ({@link #encoding()} is null)
     */
    Reader openText() throws IOException;
}
