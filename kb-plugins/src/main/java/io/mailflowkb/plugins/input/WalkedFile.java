package io.mailflowkb.plugins.input;

import io.mailflowkb.model.spi.EvidenceFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * An {@link EvidenceFile} that can be opened again from its source (a file, an archive entry, or bytes in
 * memory). The head is read once for detection and then dropped ({@link #forgetHead()}) so a walk of 10,000
 * files does not keep 10,000 heads; asking for it again re-reads it.
 */
public final class WalkedFile implements EvidenceFile {

    /** Opens the content from its first byte. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    private final String name;
    private final long size;
    private final Opener opener;
    private final TextEncoding encoding;
    private final boolean empty;
    private byte[] head;
    private String headText;

    WalkedFile(String name, long size, Opener opener, byte[] head) {
        this.name = name;
        this.size = size;
        this.opener = opener;
        this.head = head;
        this.empty = head.length == 0;
        this.encoding = TextEncoding.detect(head, head.length);
    }

    /** A file held in memory (tests, text captured from a tool); {@code name} as provenance should show it. */
    public static WalkedFile of(String name, byte[] content) {
        byte[] copy = content.clone();
        return new WalkedFile(name, copy.length, () -> new ByteArrayInputStream(copy),
                Arrays.copyOf(copy, Math.min(copy.length, HEAD_LIMIT)));
    }

    /** A file on disk, named {@code name} in provenance; its head is read now. */
    public static WalkedFile onDisk(Path path, String name) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(HEAD_LIMIT);
        }
        return new WalkedFile(name, Files.size(path), () -> Files.newInputStream(path), head);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public synchronized byte[] head() {
        if (head == null) {
            try (InputStream in = opener.open()) {
                head = in.readNBytes(HEAD_LIMIT);
            } catch (IOException e) {
                head = new byte[0];
            }
        }
        return head;
    }

    @Override
    public synchronized String headText() {
        if (encoding == null) {
            return null;
        }
        if (headText == null) {
            byte[] h = head();
            headText = encoding.decodeHead(h, h.length);
        }
        return headText;
    }

    @Override
    public String encoding() {
        return encoding == null ? null : encoding.label();
    }

    /** The detected encoding, {@code null} when not text. */
    public TextEncoding textEncoding() {
        return encoding;
    }

    @Override
    public InputStream openBytes() throws IOException {
        return opener.open();
    }

    @Override
    public Reader openText() throws IOException {
        if (encoding == null) {
            throw new IOException(empty ? "empty file" : "binary content, not text");
        }
        return TextDecoding.reader(opener.open(), encoding);
    }

    /** Drops the cached head (and its decoded text) after detection; they are re-read on demand. */
    public synchronized void forgetHead() {
        head = null;
        headText = null;
    }

    @Override
    public String toString() {
        return name;
    }
}
