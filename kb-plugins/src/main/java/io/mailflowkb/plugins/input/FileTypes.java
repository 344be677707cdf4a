package io.mailflowkb.plugins.input;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** Names what a non-regular file is (FIFO, device, socket) from its Unix mode, for skip reasons. */
final class FileTypes {

    private FileTypes() {
    }

    static String describe(Path p) {
        try {
            Object mode = Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            if (mode instanceof Integer m) {
                return switch (m & 0170000) {
                    case 0010000 -> "a FIFO";
                    case 0020000 -> "a character device";
                    case 0060000 -> "a block device";
                    case 0140000 -> "a socket";
                    case 0120000 -> "a symbolic link";
                    default -> "not a file";
                };
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // fall through: a file system without Unix modes
        }
        return "a FIFO, device or socket";
    }
}
