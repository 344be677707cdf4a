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
import java.security.SecureRandom;
import java.util.Set;

/**
 * One regular file written whole or not at all: the bytes go to a hidden temporary file beside the target, are
 * forced to disk, and the temporary file is renamed over the target. A run killed at any moment leaves the
 * target as it was (or absent) plus at most a hidden {@code .*.tmp} file, never a half-written target. The
 * temporary file is created like any new file (mode 0666 less the umask), and takes an existing target's
 * permissions, so {@code -o} never turns a 0644 report into 0600.
 */
final class AtomicFile {

    private static final SecureRandom RANDOM = new SecureRandom();

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
            Path temp = dir.resolve("." + target.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36)
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
