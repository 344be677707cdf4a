package io.mailflowkb.plugins.powershell;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What {@link FormatListReader} yields: records of properties, as {@code Format-List} printed them. */
public final class FormatList {

    private FormatList() {
    }

    /**
     * One property of a record.
     *
     * @param name      the label as printed ({@code LastError}; display labels may hold spaces: {@code From IP})
     * @param value     the value with wrapped continuation lines joined; {@code ""} for an empty ({@code $null}) value
     * @param items     the elements when the value is a collection {@code {a, b}} (braces removed, split at
     *                  {@code ", "}; a truncation mark is not an element), else a one-element list of the value
     * @param truncated whether PowerShell cut the collection ({@code ...} or {@code …} from
     *                  {@code $FormatEnumerationLimit}): the full value is not in the file
     * @param line      1-based line of the property's first line
     * @param lastLine  1-based line of its last continuation line
     */
    public record Property(String name, String value, List<String> items, boolean truncated, int line, int lastLine) {
        public Property {
            items = List.copyOf(items);
        }

        /** Whether the value was printed on more than one line. */
        public boolean wrapped() {
            return lastLine > line;
        }
    }

    /**
     * One record (one object): properties in printed order, and the lines that were neither a property nor a
     * continuation (prose, error text around the output), so a reader can still look at them.
     *
     * @param line  1-based line of the first property
     * @param other the stray lines, with their numbers
     */
    public record Record(int line, List<Property> properties, List<Line> other) {
        public Record {
            properties = List.copyOf(properties);
            other = List.copyOf(other);
        }

        /** The property with this label, compared case-insensitively ({@code Format-List} labels keep case). */
        public Optional<Property> property(String name) {
            String n = name.toLowerCase(Locale.ROOT);
            return properties.stream().filter(p -> p.name().toLowerCase(Locale.ROOT).equals(n)).findFirst();
        }
    }

    /** A physical line that was not part of a property. */
    public record Line(int number, String text) {
    }

    /**
     * What to tell the user when a value was cut: how to export it whole. One line.
     *
     * @param property the label of the cut property
     */
    public static String truncationAdvice(String property) {
        return property + " was cut by PowerShell ($FormatEnumerationLimit): the full value is not in this file;"
                + " export it with $FormatEnumerationLimit=-1 and Format-List * | Out-String -Width 4096";
    }
}
