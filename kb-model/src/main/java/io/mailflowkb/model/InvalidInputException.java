package io.mailflowkb.model;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * An input that cannot be used: not the format it claims, truncated, hostile. The message is one line a person
 * can act on; {@link #getMessage()} names the input and, where known, the line.
 */
public class InvalidInputException extends RuntimeException {

    private final String source;
    private final Integer line;
    private final String reason;

    public InvalidInputException(String source, Integer line, String reason) {
        this(source, line, reason, null);
    }

    public InvalidInputException(String source, Integer line, String reason, Throwable cause) {
        super(format(source, line, reason), cause);
        this.source = source;
        this.line = line;
        this.reason = reason;
    }

    /**
     * An I/O failure in words: Java's own message is often just the path ({@code NoSuchFileException: x.reg})
     * or names a class; this says what happened to it.
     */
    public static String ioReason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "not a folder";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? "input/output error" : m.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    /** The input as the user named it. */
    public String source() {
        return source;
    }

    /** 1-based line, or {@code null}. */
    public Integer line() {
        return line;
    }

    /** What is wrong, without the location. */
    public String reason() {
        return reason;
    }

    private static String format(String source, Integer line, String reason) {
        String oneLine = reason == null ? "unreadable" : reason.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
        return source + (line != null ? ":" + line : "") + ": " + oneLine;
    }
}
