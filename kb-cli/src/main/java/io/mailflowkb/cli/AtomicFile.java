package io.mailflowkb.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.DirectoryStream;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One regular file written whole or not at all: the bytes go to a hidden temporary file beside the target, are
 * forced to disk, and the temporary file is renamed over the target. A run killed at any moment leaves the
 * target as it was (or absent) plus at most a hidden {@code .*.tmp} file, never a half-written target. The
 * temporary file is created like any new file (mode 0666 less the umask), and takes an existing target's
 * permissions, so {@code -o} never turns a 0644 report into 0600.
 *
 * <p>A run killed between creating and renaming its temporary file (SIGKILL, power loss) leaves that file
 * behind. The next write of the same target removes such leftovers, and only those: a regular file (not a link)
 * named exactly as kb names its temporary files for this target ({@code .<name>.kb-<random>.tmp}), owned by the
 * same user, and last written more than {@link #STALE} ago. A temporary file lives for milliseconds (it is
 * staged right before it is renamed), so an older one cannot belong to a write still under way.
 */
final class AtomicFile {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** How old a leftover temporary file must be before a later write removes it. */
    static final Duration STALE = Duration.ofMinutes(10);
    /** The random part of a temporary file's name: an unsigned long in base 36. */
    private static final Pattern RANDOM_PART = Pattern.compile("kb-[0-9a-z]{1,13}");

    private final Path target;
    private final Path temp;

    private AtomicFile(Path target, Path temp) {
        this.target = target;
        this.temp = temp;
    }

    /** Writes the bytes to a new temporary file beside {@code target} (a regular file or a new path). */
    static AtomicFile stage(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Set<PosixFilePermission> keep = Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
                && Files.getFileAttributeView(target, PosixFileAttributeView.class) != null
                ? Files.getPosixFilePermissions(target) : null;
        for (int attempt = 0; ; attempt++) {
            Path temp = dir.resolve("." + target.getFileName() + ".kb-" + Long.toUnsignedString(RANDOM.nextLong(), 36)
                    + ".tmp");
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                AtomicFile staged = new AtomicFile(target, temp);
                try {
                    if (keep != null) {
                        Files.setPosixFilePermissions(temp, keep);
                    }
                    try (OutputStream out = Channels.newOutputStream(ch)) {
                        out.write(bytes);
                        out.flush();
                        ch.force(true);
                    }
                    removeLeftovers(dir, target.getFileName().toString(), temp);
                } catch (IOException | RuntimeException e) {
                    staged.discard();
                    throw e;
                }
                return staged;
            } catch (FileAlreadyExistsException e) {
                if (attempt > 5) {
                    throw e;
                }
            }
        }
    }

    /** Removes earlier runs' stale temporary files for the same target (see the class comment for which). */
    private static void removeLeftovers(Path dir, String targetName, Path own) {
        String prefix = "." + targetName + ".";
        try (DirectoryStream<Path> found = Files.newDirectoryStream(dir, p -> {
            String n = p.getFileName().toString();
            return n.length() > prefix.length() + 4 && n.startsWith(prefix) && n.endsWith(".tmp")
                    && RANDOM_PART.matcher(n.substring(prefix.length(), n.length() - 4)).matches();
        })) {
            UserPrincipal us = Files.getOwner(own, LinkOption.NOFOLLOW_LINKS);
            FileTime before = FileTime.from(Instant.now().minus(STALE));
            for (Path p : found) {
                if (p.equals(own)) {
                    continue;
                }
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (a.isRegularFile() && a.lastModifiedTime().compareTo(before) < 0
                        && us.equals(Files.getOwner(p, LinkOption.NOFOLLOW_LINKS))) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | UnsupportedOperationException ignored) {
            // tidying up is a courtesy: a leftover that cannot be examined or removed stays, the write goes on
        }
    }

    /** Renames the temporary file over the target, atomically where the file system can. */
    void commit() throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Removes the temporary file (after a failure, or when another file of the same set failed). */
    void discard() {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // a hidden temporary file is harmless if it cannot be removed
        }
    }
}
