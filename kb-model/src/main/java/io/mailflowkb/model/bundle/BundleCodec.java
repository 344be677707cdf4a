package io.mailflowkb.model.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailflowkb.model.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads and writes {@link FactBundle}s as YAML or JSON. Every read error becomes an
 * {@link InvalidInputException} that names the input and, where the parser knows it, the line.
 */
public final class BundleCodec {

    /** Output and input formats. */
    public enum Format {
        YAML, JSON;

        /** By file extension: {@code .json} is JSON, anything else YAML. */
        public static Format forFile(String name) {
            return name.toLowerCase(Locale.ROOT).endsWith(".json") ? JSON : YAML;
        }
    }

    private BundleCodec() {
    }

    /**
     * Reads a bundle file (YAML or JSON, told apart by content; UTF-8 or UTF-16 with BOM). Thread-safe.
     *
     * @throws InvalidInputException when the file cannot be read, is too large, is not a bundle, or has a newer
     *                               schema version; the message names the file and, where known, the line
     */
    public static FactBundle read(Path file) {
        String name = file.toString();
        byte[] bytes;
        try {
            if (Files.size(file) > Mappers.MAX_DOCUMENT_CHARS) {
                throw new InvalidInputException(name, null, "too large for a fact bundle ("
                        + Files.size(file) + " bytes; the limit is " + Mappers.MAX_DOCUMENT_CHARS + ")");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidInputException(name, null, "cannot read: " + InvalidInputException.ioReason(e), e);
        }
        return read(bytes, name);
    }

    /**
     * Parses a bundle from bytes; {@code name} is used in error messages only.
     *
     * @throws InvalidInputException as {@link #read(Path)}
     */
    public static FactBundle read(byte[] bytes, String name) {
        String text = decode(bytes, name);
        if (text.isBlank()) {
            throw new InvalidInputException(name, null, "empty file: not a fact bundle");
        }
        String trimmed = text.stripLeading();
        boolean json = trimmed.startsWith("{");
        ObjectMapper mapper = json ? Mappers.json() : Mappers.yaml();
        BundleChecks.check(text, name, mapper, !json);
        try {
            JsonNode tree = mapper.readTree(text);
            if (tree == null || !tree.isObject()) {
                throw new InvalidInputException(name, null,
                        "not a fact bundle: expected a mapping with schemaVersion at the top");
            }
            JsonNode version = tree.get("schemaVersion");
            if (version == null) {
                throw new InvalidInputException(name, 1, "not a fact bundle: no schemaVersion");
            }
            if (!version.isIntegralNumber() || !version.canConvertToInt() || version.asInt() != FactBundle.SCHEMA_VERSION) {
                throw new InvalidInputException(name, null, "unsupported bundle schemaVersion " + version
                        + " (this kb reads version " + FactBundle.SCHEMA_VERSION + ")");
            }
            return mapper.readValue(text, FactBundle.class);
        } catch (JsonProcessingException e) {
            throw invalid(name, text, e);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(name, null, e.getMessage(), e);
        }
    }

    /** Writes a bundle that {@link #read} gives back equal; the stream is not closed. */
    public static void write(FactBundle bundle, Format format, OutputStream out) {
        try {
            if (format == Format.JSON) {
                Mappers.json().writer(Mappers.prettyPrinter()).writeValue(out, bundle);
                out.write('\n');
            } else {
                Mappers.yaml().writeValue(out, bundle);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bundle as YAML or JSON text. */
    public static String toString(FactBundle bundle, Format format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(bundle, format, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Strict UTF-8 (a BOM is allowed), refusing binary content with a clear message. */
    static String decode(byte[] bytes, String name) {
        int offset = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
        if (bytes.length >= 2 && ((bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe
                || (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff)) {
            throw new InvalidInputException(name, null,
                    "UTF-16 text: fact bundles are UTF-8 (a .reg export goes to --registry, not to diagnose BUNDLE)");
        }
        for (int i = offset; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new InvalidInputException(name, null, "binary content (NUL byte at offset " + i
                        + "): not a fact bundle");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(name, null, "not UTF-8 text: not a fact bundle");
        }
    }

    static InvalidInputException invalid(String name, String text, JsonProcessingException e) {
        return ParseErrors.invalid(name, text, e);
    }
}
