package io.mailflowkb.rules.knowledge;

import io.mailflowkb.model.knowledge.FixDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Validates a finding's structured {@code fix} entries. They end up in generated scripts, so they are held to a
 * narrow shape: HKLM keys made of ordinary path characters, plain value names, REG_DWORD data only.
 */
public final class FixCheck {

    public static final int MAX_ENTRIES = 32;
    /** Letters, digits, spaces and the punctuation real key paths use; no quotes, no %, no $, no backtick. */
    private static final Pattern KEY = Pattern.compile("HKLM\\\\[A-Za-z0-9 ._()\\\\-]{1,250}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9 ._-]{1,100}");

    private FixCheck() {
    }

    static List<String> check(List<FixDefinition> fix, String what) {
        List<String> problems = new ArrayList<>();
        if (fix.size() > MAX_ENTRIES) {
            problems.add(what + ": more than " + MAX_ENTRIES + " fix entries");
        }
        for (FixDefinition f : fix) {
            if (f.key() == null || !KEY.matcher(f.key()).matches() || f.key().endsWith("\\")) {
                problems.add(what + ": fix key '" + f.key() + "' must be an HKLM\\ path of letters, digits, spaces and . _ ( ) -");
            }
            if (f.name() == null || !NAME.matcher(f.name()).matches()) {
                problems.add(what + ": fix value name '" + f.name() + "' must be letters, digits, spaces and . _ -");
            }
            if (!"REG_DWORD".equals(f.type())) {
                problems.add(what + ": fix type must be REG_DWORD, got '" + f.type() + "'");
            }
            if (dword(f.value()) == null) {
                problems.add(what + ": fix value '" + f.value() + "' must be a number from 0 to 0xffffffff");
            }
        }
        return problems;
    }

    /** The DWORD a fix value names, or {@code null} when it is not one. */
    public static Long dword(String value) {
        if (value == null) {
            return null;
        }
        try {
            String v = value.strip();
            long n = v.startsWith("0x") || v.startsWith("0X") ? Long.parseLong(v.substring(2), 16) : Long.parseLong(v);
            return n >= 0 && n <= 0xffffffffL ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
