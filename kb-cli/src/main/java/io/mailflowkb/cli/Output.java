package io.mailflowkb.cli;

import io.mailflowkb.model.InvalidInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * Where a command's result goes, for every {@code -o}: {@code -} (or no {@code -o}) is stdout; a new path or an
 * existing regular file is written atomically ({@link AtomicFile}), keeping the file's mode; a character device
 * such as {@code /dev/null} or {@code /dev/tty}, and {@code /dev/stdout} and its kin, are written in place,
 * because replacing them would break the system ({@code -o /dev/null} run as root once turned the machine's
 * {@code /dev/null} into a regular file). Anything else that exists, a directory, a named pipe, a socket or a
 * block device, is refused with exit 2: kb does not replace what it did not create.
 */
final class Output {

    /** Names that mean "this process's own streams": written in place whatever they resolve to. */
    private static final List<String> OWN_STREAMS = List.of("/dev/stdout", "/dev/stderr", "/dev/fd/", "/proc/self/fd/");

    private Output() {
    }

    /** Whether {@code -o} means stdout. */
    static boolean isStdout(Path file) {
        return file == null || file.toString().equals("-");
    }

    static void write(String text, Path file, PrintWriter stdout) {
        if (isStdout(file)) {
            stdout.print(text);
            stdout.flush();
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            switch (kindOf(file)) {
                case NEW, REGULAR -> {
                    AtomicFile staged = AtomicFile.stage(resolvedTarget(file), bytes);
                    try {
                        staged.commit();
                    } catch (IOException e) {
                        staged.discard();
                        throw e;
                    }
                }
                case IN_PLACE -> {
                    try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE,
                            StandardOpenOption.APPEND)) {
                        out.write(bytes);
                    }
                }
            }
        } catch (IOException e) {
            throw new InvalidInputException(file.toString(), null, "cannot write: " + InvalidInputException.ioReason(e), e);
        }
    }

    /** What an {@code -o} path is, or exit 2 for one kb must not write. */
    enum Kind { NEW, REGULAR, IN_PLACE }

    static Kind kindOf(Path file) throws IOException {
        String name = file.toString();
        if (OWN_STREAMS.stream().anyMatch(s -> name.equals(s) || s.endsWith("/") && name.startsWith(s))) {
            return Kind.IN_PLACE;
        }
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class); // follows links: the file they name counts
        } catch (NoSuchFileException e) {
            if (Files.isSymbolicLink(file)) {
                throw new InvalidInputException(name, null, "a symbolic link to a file that does not exist:"
                        + " give the target's own path");
            }
            return Kind.NEW;
        }
        if (a.isRegularFile()) {
            return Kind.REGULAR;
        }
        if (a.isDirectory()) {
            throw new InvalidInputException(name, null, "is a directory: give a file name for -o, or - for stdout");
        }
        if (a.isOther() && isCharacterDevice(file)) {
            return Kind.IN_PLACE;
        }
        throw new InvalidInputException(name, null, "not a regular file (" + describe(file)
                + "): kb writes -o only to a regular file, a character device such as /dev/null, or - for stdout");
    }

    /** A symbolic link is replaced through: the file it names gets the new content, the link stays. */
    private static Path resolvedTarget(Path file) throws IOException {
        return Files.exists(file) ? file.toRealPath() : file.toAbsolutePath();
    }

    private static boolean isCharacterDevice(Path file) {
        try {
            Object mode = Files.getAttribute(file, "unix:mode");
            return mode instanceof Integer m && (m & 0170000) == 0020000;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    private static String describe(Path file) {
        try {
            Object mode = Files.getAttribute(file, "unix:mode");
            if (mode instanceof Integer m) {
                return switch (m & 0170000) {
                    case 0010000 -> "a named pipe (FIFO)";
                    case 0140000 -> "a socket";
                    case 0060000 -> "a block device";
                    default -> "a special file";
                };
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // fall through
        }
        return "a special file";
    }

    /**
     * Columns the text report wraps at: the terminal's width when stdout is one (the launcher passes it as
     * {@code -Dkb.columns}, else {@code COLUMNS}), otherwise 80 so files and pipes get the same text everywhere.
     */
    static int textWidth(Path outputFile) {
        if (!isStdout(outputFile) || System.console() == null) {
            return 80;
        }
        for (String v : new String[] {System.getProperty("kb.columns"), System.getenv("COLUMNS")}) {
            if (v != null && v.strip().matches("\\d{1,4}")) {
                return Integer.parseInt(v.strip());
            }
        }
        return 80;
    }

    /** Whether stdout is a terminal that wants colour (https://no-color.org). */
    static boolean colorWanted(Path outputFile) {
        String noColor = System.getenv("NO_COLOR");
        return isStdout(outputFile) && System.console() != null && (noColor == null || noColor.isEmpty())
                && !"dumb".equals(System.getenv("TERM"));
    }
}
