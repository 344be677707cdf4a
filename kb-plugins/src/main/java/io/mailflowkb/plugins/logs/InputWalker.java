package io.mailflowkb.plugins.logs;

import io.mailflowkb.model.spi.FactSink;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Enumerates the files of a {@code --logs} input: one file, a folder (recursively, in sorted order so runs are
 * repeatable), and .zip / .gz archives found among them, recognised by their magic bytes and streamed entry by
 * entry (never extracted to disk). Entries are named {@code archive!/entry}. Counts raw bytes read for progress.
 */
final class InputWalker {

    static final int MAX_NESTING = 3;

    interface FileVisitor {
        /** @param in positioned at the start; supports mark/reset; must not be closed by the visitor */
        void file(String name, BufferedInputStream in) throws IOException;
    }

    private final FactSink sink;
    private final AtomicLong rawBytes;

    /** @param rawBytes where to count the bytes read (shared by the walkers of parallel files, for progress) */
    InputWalker(FactSink sink, AtomicLong rawBytes) {
        this.sink = sink;
        this.rawBytes = rawBytes;
    }

    /** The regular files under {@code root} (or root itself), sorted. */
    static List<Path> files(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of(root);
        }
        List<Path> all = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(Files::isRegularFile).forEach(all::add);
        }
        all.sort((a, b) -> root.relativize(a).toString().replace('\\', '/')
                .compareTo(root.relativize(b).toString().replace('\\', '/')));
        return all;
    }

    void walk(Path file, String name, FileVisitor visitor) throws IOException {
        try (InputStream raw = new Counting(Files.newInputStream(file))) {
            visit(name, raw, visitor, 0);
        }
    }

    private void visit(String name, InputStream raw, FileVisitor visitor, int depth) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(8);
        byte[] magic = in.readNBytes(4);
        in.reset();
        boolean zip = magic.length >= 4 && magic[0] == 'P' && magic[1] == 'K' && (magic[2] == 3 || magic[2] == 5);
        boolean gzip = magic.length >= 2 && (magic[0] & 0xFF) == 0x1F && (magic[1] & 0xFF) == 0x8B;
        if ((zip || gzip) && depth >= MAX_NESTING) {
            sink.skipped(name, "archive nested more than " + MAX_NESTING + " deep");
            return;
        }
        if (zip) {
            ZipInputStream z = new ZipInputStream(in);
            int entries = 0;
            try {
                ZipEntry e;
                while ((e = z.getNextEntry()) != null) {
                    if (!e.isDirectory()) {
                        entries++;
                        visit(name + "!/" + e.getName(), new Unclosable(z), visitor, depth + 1);
                    }
                }
            } catch (IOException | IllegalArgumentException e) {
                sink.skipped(name, "archive cannot be read further: " + e.getMessage());
                return;
            }
            if (entries == 0) {
                sink.skipped(name, "empty archive");
            }
            return;
        }
        if (gzip) {
            try {
                visit(name, new GZIPInputStream(in, 1 << 16), visitor, depth + 1);
            } catch (IOException e) {
                sink.skipped(name, "gzip cannot be read: " + e.getMessage());
            }
            return;
        }
        visitor.file(name, in);
    }

    private final class Counting extends FilterInputStream {
        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                rawBytes.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                rawBytes.addAndGet(n);
            }
            return n;
        }
    }

    /** An archive entry's stream: a reader closing it must not close the archive. */
    private static final class Unclosable extends FilterInputStream {
        Unclosable(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
        }
    }
}
