package io.mailflowkb.plugins.registry;

import io.mailflowkb.model.InvalidInputException;
import io.mailflowkb.model.spi.EvidenceFile;
import io.mailflowkb.plugins.input.TextDecoding;
import io.mailflowkb.plugins.input.TextEncoding;
import java.io.IOException;

/**
 * The registry collector's strictness on top of the shared decoding: an export is rejected whole (before any
 * fact is emitted) when it is empty, a cut UTF-16 file, or holds binary content anywhere, because a half-read
 * registry export would report keys as absent that are really there. regedit and {@code reg export} write
 * UTF-16LE with the FF FE mark [S62]; Wine/ReactOS treat everything else as ANSI [S71]; editors save UTF-8.
 */
final class RegistryEncoding {

    private static final String WHAT = "registry export";

    private RegistryEncoding() {
    }

    /** The encoding to read the whole file with; throws when the file cannot be a registry export. */
    static TextEncoding check(EvidenceFile file, String source) throws IOException {
        byte[] head = file.head();
        long size = file.size() >= 0 ? file.size() : head.length < EvidenceFile.HEAD_LIMIT ? head.length : -1;
        if (head.length == 0) {
            throw new InvalidInputException(source, null, "empty file");
        }
        TextEncoding detected = TextEncoding.detect(head, head.length);
        // not text at all: scan as UTF-8 anyway, so the message names the line with the NUL or control character
        TextEncoding encoding = detected != null ? detected : TextEncoding.UTF8;
        if (size == encoding.bom()) {
            throw new InvalidInputException(source, null, "empty file (only a byte order mark)");
        }
        if (encoding.utf16() && size >= 0 && (size - encoding.bom()) % 2 != 0) {
            throw new InvalidInputException(source, null,
                    "truncated " + encoding.label() + " file: odd number of bytes (" + size + ")");
        }
        TextEncoding verified = TextDecoding.verify(file.openBytes(), encoding, source, WHAT);
        if (verified != encoding) {
            TextDecoding.verifyAnsi(file.openBytes(), verified, source, WHAT);
        }
        return verified;
    }
}
