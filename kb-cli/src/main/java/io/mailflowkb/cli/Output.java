package io.mailflowkb.cli;

import io.mailflowkb.model.InvalidInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where a command's result goes: stdout, or a file written atomically (a temporary file beside it, then a
 * rename), so an interrupted or failed run never leaves a half-written report or bundle.
 */
final class Output {

    private Output() {
    }

    static void write(String text, Path file, PrintWriter stdout) {
        if (file == null) {
            stdout.print(text);
            stdout.flush();
            return;
        }
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new InvalidInputException(file.toString(), null, "cannot write: " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the temporary file is hidden and harmless if it cannot be removed
                }
            }
        }
    }

    /**
     * Columns the text report wraps at: the terminal's width when stdout is one (the launcher passes it as
     * {@code -Dkb.columns}, else {@code COLUMNS}), otherwise 80 so files and pipes get the same text everywhere.
     */
    static int textWidth(Path outputFile) {
        if (outputFile != null || System.console() == null) {
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
        return outputFile == null && System.console() != null && (noColor == null || noColor.isEmpty())
                && !"dumb".equals(System.getenv("TERM"));
    }
}
