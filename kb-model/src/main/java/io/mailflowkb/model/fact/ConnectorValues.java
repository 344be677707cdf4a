package io.mailflowkb.model.fact;

import java.util.List;
import java.util.Locale;

/** Normalisation shared by the connector and certificate records: lists never null, blank text is absent. */
final class ConnectorValues {

    private ConnectorValues() {
    }

    static List<String> list(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip)
                .toList();
    }

    static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static boolean containsIgnoreCase(List<String> values, String wanted) {
        return values.stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT)));
    }

    static String shown(String value) {
        return value == null ? "(not set)" : value;
    }
}
