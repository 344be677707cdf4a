package io.mailflowkb.plugins.input;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The archive half of {@link EvidenceWalker}: {@code .zip} files opened with their central directory (entries can
 * be re-read later by the collectors), {@code .gz} streams, and archives inside archives copied (still
 * compressed) to temporary files so they open the same way. Each entry's first bytes are read to tell a nested
 * archive from a file; everything inflated goes through {@link Inflation}'s caps.
 */
final class ArchiveWalker implements Closeable {

    /** Where skips go (the walker counts and reports them). */
    interface Skips {
        void skip(String name, String reason);
    }

    private final WalkLimits limits;
    private final Inflation inflation;
    private final Skips skips;
    private final Runnable counted;
    private final List<Closeable> open = new ArrayList<>();
    private final List<Path> temps = new ArrayList<>();
    private int opened;

    ArchiveWalker(WalkLimits limits, Inflation inflation, Skips skips, Runnable counted) {
        this.limits = limits;
        this.inflation = inflation;
        this.skips = skips;
        this.counted = counted;
    }

    int opened() {
        return opened;
    }

    private boolean tooDeep(String name, int depth) {
        if (depth > limits.maxDepth()) {
            skips.skip(name, "archive nested more than " + limits.maxDepth() + " deep, not opened (cap maxDepth)");
            return true;
        }
        return false;
    }

    void zip(Path path, String name, Consumer<WalkedFile> visitor, int depth) {
        if (tooDeep(name, depth)) {
            return;
        }
        ZipFile zip;
        try {
            zip = new ZipFile(path.toFile());
        } catch (IOException | RuntimeException e) {
            skips.skip(name, "archive cannot be read: " + reason(e));
            return;
        }
        open.add(zip);
        opened++;
        List<? extends ZipEntry> entries;
        try {
            Enumeration<? extends ZipEntry> en = zip.entries();
            entries = Collections.list(en);
        } catch (RuntimeException e) {
            skips.skip(name, "archive cannot be read: " + reason(e));
            return;
        }
        int used = 0;
        for (ZipEntry e : entries) {
            if (e.isDirectory()) {
                continue;
            }
            if (used == limits.maxEntries()) {
                skips.skip(name + "!/" + e.getName(), "archive has more than " + limits.maxEntries()
                        + " entries; the rest are not read (cap maxEntries)");
                break;
            }
            used++;
            entry(zip, e, name + "!/" + e.getName(), visitor, depth);
        }
        if (used == 0) {
            skips.skip(name, "empty archive");
        }
    }

    private void entry(ZipFile zip, ZipEntry e, String name, Consumer<WalkedFile> visitor, int depth) {
        member(name, e.getSize(), () -> inflation.cap(zip.getInputStream(e), e.getCompressedSize()), "archive entry",
                visitor, depth);
    }

    void gzip(WalkedFile.Opener raw, long compressed, String name, Consumer<WalkedFile> visitor, int depth) {
        if (tooDeep(name, depth)) {
            return;
        }
        opened++;
        WalkedFile.Opener opener = () -> {
            InputStream in = raw.open();
            try {
                return inflation.cap(new GZIPInputStream(in, 1 << 16), compressed);
            } catch (IOException | RuntimeException x) {
                in.close();
                throw x;
            }
        };
        member(name, -1, opener, "gzip", visitor, depth);
    }

    /**
     * One member of an archive (a zip entry or a gzip's content), judged by its first bytes before the rest is
     * inflated: a plain file goes to the visitor; a nested archive is spooled, still compressed, and walked one
     * level deeper, its ratio judged against its own compressed size.
     */
    void member(String name, long size, WalkedFile.Opener opener, String what, Consumer<WalkedFile> visitor,
                        int depth) {
        byte[] head;
        try (InputStream in = opener.open()) {
            head = in.readNBytes(WalkedFile.HEAD_LIMIT);
        } catch (IOException | RuntimeException x) {
            skips.skip(name, what + " cannot be read: " + reason(x));
            return;
        }
        Type type = Type.of(head);
        if (type == Type.NONE) {
            counted.run();
            WalkedFile f = new WalkedFile(name, size, opener, head);
            visitor.accept(f);
            f.forgetHead();
            return;
        }
        if (depth + 1 > limits.maxDepth()) {
            tooDeep(name, depth + 1);
            return;
        }
        Path temp = spool(opener, name);
        if (temp == null) {
            return;
        }
        if (type == Type.ZIP) {
            zip(temp, name, visitor, depth + 1);
        } else {
            gzip(() -> Files.newInputStream(temp), temp.toFile().length(), name, visitor, depth + 1);
        }
    }

    /** Copies a nested archive (still compressed) to a temporary file so it can be opened like one on disk. */
    private Path spool(WalkedFile.Opener opener, String name) {
        try {
            Path temp = Files.createTempFile("kb-nested-", ".bin");
            temps.add(temp);
            try (InputStream in = opener.open(); OutputStream out = Files.newOutputStream(temp)) {
                in.transferTo(out);
            }
            return temp;
        } catch (IOException | RuntimeException e) {
            skips.skip(name, "nested archive cannot be read: " + reason(e));
            return null;
        }
    }

    private static String reason(Throwable e) {
        return EvidenceWalker.reason(e);
    }

    @Override
    public void close() {
        for (Closeable c : open) {
            try {
                c.close();
            } catch (IOException e) {
                // nothing to do: the walk is over
            }
        }
        open.clear();
        for (Path t : temps) {
            try {
                Files.deleteIfExists(t);
            } catch (IOException e) {
                // a temp file left behind is harmless
            }
        }
        temps.clear();
    }

    /** Archive formats told from the first bytes. */
    enum Type {
        ZIP, GZIP, NONE;

        static Type of(byte[] head) {
            if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && (head[2] == 3 && head[3] == 4
                    || head[2] == 5 && head[3] == 6)) {
                return ZIP;
            }
            if (head.length >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B) {
                return GZIP;
            }
            return NONE;
        }
    }

}
