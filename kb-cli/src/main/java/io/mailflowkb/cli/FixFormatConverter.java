package io.mailflowkb.cli;

import io.mailflowkb.cli.render.fix.FixScript;
import java.util.Locale;
import picocli.CommandLine;

/** {@code reg} or {@code ps1}, in any case. */
final class FixFormatConverter implements CommandLine.ITypeConverter<FixScript.Format> {
    @Override
    public FixScript.Format convert(String value) {
        try {
            return FixScript.Format.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("unknown fix script format '" + value + "' (expected reg or ps1)");
        }
    }
}
