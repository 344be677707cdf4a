package io.mailflowkb.model.bundle;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.mailflowkb.model.InvalidInputException;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Turns a parser or mapping failure into one line in the user's terms: the file, the line, the key path and
 * what was expected there ("a whole number", "a mapping"). Jackson's own messages name Java classes and
 * internal settings ("Cannot construct instance of `...HostProfile`", "StreamReadConstraints.getMaxNestingDepth()"),
 * which mean nothing to the person holding the file; the cause stays attached for {@code kb --debug}. Used for
 * bundles and for knowledge files alike.
 */
public final class ParseErrors {

    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate field '(.*)'$");

    private ParseErrors() {
    }

    static InvalidInputException invalid(String name, String text, JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        Integer line = loc != null && loc.getLineNr() > 0 ? loc.getLineNr() : null;
        if (e instanceof UnrecognizedPropertyException u) {
            line = KeyLines.find(text, u.getPropertyName(), line);
        } else if (e.getCause() instanceof MarkedYAMLException y && y.getProblemMark() != null) {
            line = y.getProblemMark().getLine() + 1; // SnakeYAML's mark is where the problem is; Jackson's is earlier
        }
        return new InvalidInputException(name, line, "invalid bundle: " + reason(e), e);
    }

    /** What is wrong, in words, with the key path where known; no location (the caller adds file and line). */
    public static String reason(JsonProcessingException e) {
        String at = path(e);
        String duplicate = duplicateKey(e);
        if (duplicate != null) {
            return "duplicate key '" + duplicate + "' (a second one would silently replace the first)";
        } else if (e instanceof UnrecognizedPropertyException u) {
            return "unknown key '" + u.getPropertyName() + "'" + (at.isEmpty() ? "" : " (in " + parent(at) + ")");
        } else if (e instanceof StreamConstraintsException) {
            return limit(e.getOriginalMessage());
        } else if (e instanceof InputCoercionException) {
            return "number out of range" + where(at);
        } else if (e instanceof ValueInstantiationException v && v.getCause() != null
                && v.getCause().getMessage() != null) {
            return v.getCause().getMessage() + where(at);
        } else if (e instanceof MismatchedInputException m) {
            return "expected " + expected(m.getTargetType()) + where(at);
        } else if (e instanceof JsonMappingException) {
            return "a value of the wrong kind" + where(at);
        } else if (e.getCause() instanceof MarkedYAMLException y && y.getProblem() != null) {
            return yamlSyntax(y);
        }
        return syntax(e.getOriginalMessage());
    }

    private static String where(String at) {
        return at.isEmpty() ? "" : " at " + at;
    }

    private static String parent(String at) {
        int dot = Math.max(at.lastIndexOf('.'), at.lastIndexOf('['));
        return dot <= 0 ? "the top level" : at.substring(0, dot);
    }

    /** What a target type means to someone writing YAML. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "text";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class) {
            return "a number";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a mapping (key: value)";
        }
        return "another kind of value";
    }

    private static String limit(String message) {
        String m = message == null ? "" : message;
        if (m.contains("NestingDepth")) {
            return "nested more than 40 levels deep";
        }
        if (m.contains("StringLength") || m.contains("String value length")) {
            return "a value longer than " + Mappers.MAX_STRING_CHARS + " characters";
        }
        if (m.contains("DocumentLength") || m.contains("Document length")) {
            return "longer than " + Mappers.MAX_DOCUMENT_CHARS + " characters";
        }
        if (m.contains("Number") || m.contains("number")) {
            return "a number with too many digits";
        }
        return "too large";
    }

    /**
     * SnakeYAML's own words for a syntax error, without its "in 'reader'" marks and caret lines: the problem, and
     * the column (the caller names file and line).
     */
    private static String yamlSyntax(MarkedYAMLException y) {
        String problem = y.getProblem().replace("'<stream end>'", "the end of the file")
                .replace("<stream end>", "the end of the file").replace("<block end>", "the end of a block")
                .replace("the node content", "a value");
        String column = y.getProblemMark() == null ? "" : " (column " + (y.getProblemMark().getColumn() + 1) + ")";
        return "not valid YAML: " + syntax(problem) + column;
    }

    /**
     * The key a parser with duplicate detection refused, looking through the mapping exceptions that databind
     * wraps around the parser's own; {@code null} when the failure is something else.
     */
    private static String duplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonProcessingException j && j.getOriginalMessage() != null) {
                Matcher dup = DUPLICATE.matcher(j.getOriginalMessage());
                if (dup.matches()) {
                    return dup.group(1);
                }
            }
        }
        return null;
    }

    /** A parser's syntax message, cut to one short line and without Java names. */
    private static String syntax(String message) {
        if (message == null) {
            return "not valid YAML or JSON";
        }
        String m = message.replaceAll("\\s*[\\r\\n]+\\s*", " ")
                .replaceAll("`?(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*`?", "value")
                .replaceAll("\\(for [^)]*\\)", "")
                .strip();
        return m.length() > 200 ? m.substring(0, 200) + "..." : m;
    }

    private static String path(JsonProcessingException e) {
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            StringBuilder b = new StringBuilder();
            for (var ref : m.getPath()) {
                if (ref.getFieldName() != null) {
                    b.append(b.length() == 0 ? "" : ".").append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    b.append('[').append(ref.getIndex()).append(']');
                }
            }
            return b.toString();
        }
        return "";
    }
}
