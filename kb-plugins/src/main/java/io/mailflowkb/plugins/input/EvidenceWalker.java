package io.mailflowkb.plugins.input;

import io.mailflowkb.model.InvalidInputException;
import io.mailflowkb.model.spi.FactSink;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Walks evidence the way a user hands it over: one file, a folder (recursively, sorted so runs repeat), and
 * {@code .zip} / {@code .gz} archives among them (told by their magic bytes, not their names), nested up to
 * {@link WalkLimits#maxDepth()}. Every regular file found becomes a {@link WalkedFile} for the visitor; everything
 * else is reported to the sink as skipped, with the reason, and the walk goes on:
 * <ul>
 *   <li>only regular files are opened: a FIFO, socket or device inside a folder is skipped unopened;</li>
 *   <li>symbolic links inside a walked folder are not followed (one pointing out of it says so);</li>
 *   <li>nothing under {@code /proc} or {@code /sys} is read (their "files" are the running system);</li>
 *   <li>a subfolder that cannot be listed is skipped with the operating system's reason;</li>
 *   <li>archive entries are judged from their first bytes before the rest is inflated, and inflation is capped
 *       ({@link WalkLimits}).</li>
 * </ul>
 * A path named by the user that is missing, not a regular file or folder, or under /proc or /sys is an
 * {@link InvalidInputException} instead: that is a usage error, not a stray file. Archives stay open (entries are
 * re-read by the collectors) until {@link #close()}; nested archives are copied to temporary files, deleted then
 * ({@link ArchiveWalker}).
 */
public final class EvidenceWalker implements Closeable {

    private static final List<Path> SYSTEM_TREES = List.of(Path.of("/proc"), Path.of("/sys"));

    private final WalkLimits limits;
    private final FactSink sink;
    private final Inflation inflation;
    private final ArchiveWalker archives;
    private int files;
    private int skipped;

    /** @param sink where skipped files are reported (only {@link FactSink#skipped} is called) */
    public EvidenceWalker(WalkLimits limits, FactSink sink) {
        this.limits = limits;
        this.sink = sink;
        this.inflation = new Inflation(limits);
        this.archives = new ArchiveWalker(limits, inflation, this::skip, () -> files++);
    }

    /** What the walk met so far: files handed to the visitor, archives opened, paths skipped, bytes inflated. */
    public record Tally(int files, int archives, int skipped, long inflatedBytes) {
    }

    public Tally tally() {
        return new Tally(files, archives.opened(), skipped, inflation.total());
    }

    /**
     * Walks {@code root}, named {@code display} in provenance.
     *
     * @throws InvalidInputException root is missing, not a regular file or folder, or a system tree
     */
    public void walk(Path root, String display, Consumer<WalkedFile> visitor) {
        Path real = checkNamed(root, display);
        if (Files.isDirectory(real)) {
            folder(real, real, display, visitor); // a named symbolic link to a folder is followed, its links are not
        } else {
            file(root, display, visitor, 0, true);
        }
    }

    /**
     * Walks one named file held in memory (an example input read from kb.jar without opening the jar as a file
     * system) as {@link #walk} walks a loose file: plain content goes to the visitor, a zip or gzip is opened (by
     * way of a temporary copy, as nested archives are) and walked within the same caps.
     */
    public void walk(String display, byte[] content, Consumer<WalkedFile> visitor) {
        archives.member(display, content.length, () -> new ByteArrayInputStream(content), "file", visitor, 0);
    }

    /**
     * The checks for a path the user named: it exists, is a regular file or a folder (not a FIFO, device or
     * socket), is readable and is not under /proc or /sys. Returns its real path.
     *
     * @throws InvalidInputException naming it, with the reason
     */
    public static Path checkNamed(Path root, String display) {
        Path real;
        try {
            real = root.toRealPath();
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(display, null, "no such file or folder");
        } catch (IOException e) {
            throw new InvalidInputException(display, null, "cannot be read: " + reason(e));
        }
        if (systemTree(real)) {
            throw new InvalidInputException(display, null, "is under /" + real.getName(0)
                    + ", the running system's own files, not evidence: not read");
        }
        if (!Files.isDirectory(real) && !Files.isRegularFile(real)) {
            throw new InvalidInputException(display, null, "not a regular file (" + FileTypes.describe(real)
                    + "): only files and folders are read");
        }
        if (!Files.isReadable(real)) {
            throw new InvalidInputException(display, null, "not readable (permission denied)");
        }
        return real;
    }

    static boolean systemTree(Path real) {
        return real.getFileSystem() == Path.of("/").getFileSystem() && SYSTEM_TREES.stream().anyMatch(real::startsWith);
    }

    private void folder(Path root, Path realRoot, String display, Consumer<WalkedFile> visitor) {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = nameIn(root, file, display);
                    if (attrs.isRegularFile()) {
                        found.add(file);
                    } else if (attrs.isSymbolicLink()) {
                        skip(name, link(file, realRoot));
                    } else if (attrs.isDirectory()) {
                        found.add(file); // unreachable without FOLLOW_LINKS; kept for other file systems
                    } else {
                        skip(name, "not a regular file (" + FileTypes.describe(file) + "), not opened");
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    skip(nameIn(root, file, display), (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)
                            ? "folder cannot be listed: " : "cannot be read: ") + reason(e));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                    if (e != null) {
                        skip(nameIn(root, dir, display), "folder could not be listed to the end: " + reason(e));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new InvalidInputException(display, null, "folder cannot be listed: " + reason(e));
        }
        found.sort((a, b) -> rel(root, a).compareTo(rel(root, b)));
        for (Path f : found) {
            file(f, nameIn(root, f, display), visitor, 0, false);
        }
    }

    private static String link(Path file, Path realRoot) {
        try {
            Path target = file.toRealPath();
            if (!target.startsWith(realRoot)) {
                return "symbolic link out of the folder (to " + target + "), not followed";
            }
            return "symbolic link inside the folder, not followed (its target is read under its own name)";
        } catch (IOException e) {
            return "symbolic link that leads nowhere (" + reason(e) + "), not followed";
        }
    }

    private static String rel(Path root, Path f) {
        return root.relativize(f).toString().replace('\\', '/');
    }

    private static String nameIn(Path root, Path f, String display) {
        String rel = rel(root, f);
        return rel.isEmpty() ? display : display + "/" + rel;
    }

    /** One regular file on disk: an archive to open, or a file for the visitor. */
    private void file(Path path, String name, Consumer<WalkedFile> visitor, int depth, boolean named) {
        long size;
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            size = Files.size(path);
            head = in.readNBytes(WalkedFile.HEAD_LIMIT);
        } catch (IOException e) {
            if (named) {
                throw new InvalidInputException(name, null, "cannot be read: " + reason(e));
            }
            skip(name, "cannot be read: " + reason(e));
            return;
        }
        switch (ArchiveWalker.Type.of(head)) {
            case ZIP -> archives.zip(path, name, visitor, depth + 1);
            case GZIP -> archives.gzip(() -> Files.newInputStream(path), size, name, visitor, depth + 1);
            default -> {
                files++;
                WalkedFile f = new WalkedFile(name, size, () -> Files.newInputStream(path), head);
                visitor.accept(f);
                f.forgetHead();
            }
        }
    }

    private void skip(String name, String reason) {
        skipped++;
        sink.skipped(name, reason);
    }

    /** The operating system's reason, without Java's exception names. */
    static String reason(Throwable e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        String m = e.getMessage();
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return m == null || m.isBlank() ? "read error" : m;
    }

    @Override
    public void close() {
        archives.close();
    }

}
