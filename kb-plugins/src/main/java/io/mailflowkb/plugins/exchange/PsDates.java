package io.mailflowkb.plugins.exchange;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as the three export forms write them: CLIXML {@code <DT>} (ISO-8601 with offset), ConvertTo-Json
 * ({@code \/Date(ms)\/} in Windows PowerShell 5.1, ISO-8601 in PowerShell 7) and Format-List text, which is
 * culture-formatted (the corpus' samples: {@code 12/02/2018 1:53:00 PM}, {@code 02.02.2028 4:22:23}).
 * Text without a zone is taken as UTC: a day either way does not change a 60-day expiry verdict.
 */
final class PsDates {

    private static final Pattern JSON_DATE = Pattern.compile("^/?\\\\?/?Date\\((-?\\d+)([+-]\\d{4})?\\)\\\\?/?$");
    private static final List<DateTimeFormatter> CULTURE = List.of(
            DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.US),
            DateTimeFormatter.ofPattern("M/d/yyyy H:mm:ss", Locale.US),
            DateTimeFormatter.ofPattern("d.M.yyyy H:mm:ss", Locale.US),
            DateTimeFormatter.ofPattern("d/M/yyyy h:mm:ss a", Locale.US),
            DateTimeFormatter.ofPattern("d/M/yyyy H:mm:ss", Locale.US),
            DateTimeFormatter.ofPattern("yyyy-MM-dd H:mm:ss", Locale.US));

    private PsDates() {
    }

    /** The instant as ISO-8601 UTC text, or {@code null} when the text is not a date in any known form. */
    static String instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        Matcher m = JSON_DATE.matcher(t);
        if (m.matches()) {
            return Instant.ofEpochMilli(Long.parseLong(m.group(1))).toString();
        }
        try {
            return OffsetDateTime.parse(t).toInstant().toString();
        } catch (DateTimeParseException e) {
            // not ISO with an offset
        }
        try {
            return Instant.parse(t).toString();
        } catch (DateTimeParseException e) {
            // not ISO in UTC
        }
        try {
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC).toString();
        } catch (DateTimeParseException e) {
            // not ISO without a zone
        }
        String upper = t.toUpperCase(Locale.ROOT);
        for (DateTimeFormatter f : CULTURE) {
            try {
                return LocalDateTime.parse(upper, f).toInstant(ZoneOffset.UTC).toString();
            } catch (DateTimeParseException e) {
                // try the next culture
            }
        }
        return null;
    }
}
