package io.mailflowkb.cli;

import io.mailflowkb.cli.render.Format;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;

/** Accepts {@code text}, {@code json}, {@code markdown}, {@code html} in any case. */
final class FormatConverter implements CommandLine.ITypeConverter<Format> {

    @Override
    public Format convert(String value) {
        try {
            return Format.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("unknown format '" + value
                    + "' (expected text, json, markdown or html)");
        }
    }

    static final class Candidates implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("text", "json", "markdown", "html").iterator();
        }
    }
}
