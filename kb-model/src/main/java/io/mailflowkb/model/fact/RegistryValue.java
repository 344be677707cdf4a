package io.mailflowkb.model.fact;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Locale;

/**
 * One registry value as the input shows it.
 *
 * @param key  the key holding the value (canonical, see {@link RegistryPaths#canonical})
 * @param name the value name; {@code ""} for the default value ({@code @=} / {@code (Default)})
 * @param type {@code REG_DWORD}, {@code REG_QWORD}, {@code REG_SZ}, {@code REG_EXPAND_SZ}, {@code REG_MULTI_SZ}
 *             (lines joined with {@code \n}), {@code REG_BINARY} / {@code REG_NONE} (hex pairs), or
 *             {@code REG_UNKNOWN(n)}
 * @param data DWORD and QWORD values as unsigned decimal, text as text, binary as lower-case hex pairs
 */
public record RegistryValue(String key, String name, String type, String data, Provenance source) implements Fact {

    public RegistryValue {
        key = RegistryPaths.canonical(key);
        if (name == null) {
            throw new IllegalArgumentException("registry value without a name (use \"\" for the default value)");
        }
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("registry value " + name + " without a type");
        }
        type = type.toUpperCase(Locale.ROOT);
        if (data == null) {
            data = "";
        }
        if (isNumeric(type) && number(data) == null) {
            throw new IllegalArgumentException("registry value " + name + " of type " + type
                    + " needs a number, got '" + data + "'");
        }
    }

    public static RegistryValue dword(String key, String name, long value, Provenance source) {
        return new RegistryValue(key, name, "REG_DWORD", Long.toUnsignedString(value), source);
    }

    /** The numeric value of a DWORD or QWORD, or {@code null} for other types. */
    @JsonIgnore
    public Long number() {
        return isNumeric(type) ? number(data) : null;
    }

    @JsonIgnore
    public boolean isNumber() {
        return isNumeric(type);
    }

    public boolean sameKey(String otherKey) {
        return RegistryPaths.equal(key, otherKey);
    }

    @Override
    public String describe() {
        String shown = isNumeric(type) ? shownNumber() : '"' + data + '"';
        return RegistryPaths.shortName(key) + " " + (name.isEmpty() ? "(Default)" : name) + " = " + shown;
    }

    private String shownNumber() {
        long n = number();
        return Long.compareUnsigned(n, 9) > 0 ? Long.toUnsignedString(n) + " (0x" + Long.toHexString(n) + ")"
                : Long.toString(n);
    }

    private static boolean isNumeric(String type) {
        return type.equals("REG_DWORD") || type.equals("REG_QWORD");
    }

    private static Long number(String data) {
        try {
            String d = data.strip();
            if (d.startsWith("0x") || d.startsWith("0X")) {
                return Long.parseUnsignedLong(d.substring(2), 16);
            }
            return Long.parseUnsignedLong(d);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
