package io.mailflowkb.plugins.exchange;

import io.mailflowkb.model.InvalidInputException;
import io.mailflowkb.plugins.input.TextDecoding;
import io.mailflowkb.plugins.input.TextEncoding;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which of the three forms an export is, told from its decoded first characters, and a reader over it, through the
 * shared text decoding (Windows PowerShell 5.1 writes {@code >} and {@code Out-File} as UTF-16LE with BOM,
 * Export-Clixml as UTF-16LE by default, PowerShell 7 UTF-8).
 */
final class ExportText {

    enum Form { CLIXML, JSON, FORMAT_LIST }

    private static final int HEAD = 64 * 1024;

    private ExportText() {
    }

    static String decodeHead(byte[] head) {
        return TextDecoding.headText(head);
    }

    static Form form(Path file, String name) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD);
        }
        String text = decodeHead(head);
        if (text.isBlank()) {
            throw new InvalidInputException(name, null, head.length == 0 ? "empty file" : "not text (binary content)");
        }
        String start = text.stripLeading();
        if (start.startsWith("<")) {
            return Form.CLIXML;
        }
        if (start.startsWith("[") || start.startsWith("{")) {
            return Form.JSON;
        }
        return Form.FORMAT_LIST;
    }

    static Reader open(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD);
        }
        TextEncoding encoding = TextEncoding.detect(head, head.length);
        return TextDecoding.reader(Files.newInputStream(file), encoding == null ? TextEncoding.UTF8 : encoding);
    }
}
