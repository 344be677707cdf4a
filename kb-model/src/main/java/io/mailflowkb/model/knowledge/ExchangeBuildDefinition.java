package io.mailflowkb.model.knowledge;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One row of the knowledge's Exchange build table: which cumulative update a build number is, and which
 * capability it is the first build of its product line with. Data, so a newer CU or a corrected baseline is a
 * knowledge edit, not a code change.
 *
 * @param build     dotted build, e.g. {@code 15.1.2507.6}
 * @param product   e.g. {@code Exchange Server 2016}
 * @param name      the update's name, e.g. {@code CU23}
 * @param tag       the source tag ({@code S56}, listed in docs/sources.md)
 * @param firstWith what this build is the first of its line (same major.minor) to do: {@code tls12-smtp} (SMTP
 *                  can use TLS 1.2), {@code tls13}, {@code smtp-not-tls10-only} (SMTP no longer hard-coded to TLS
 *                  1.0), {@code subscription-edition} (the first Exchange SE build)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ExchangeBuildDefinition(String build, String product, String name, String tag, List<String> firstWith) {

    public static final List<String> FIRST_WITH = List.of("tls12-smtp", "tls13", "smtp-not-tls10-only",
            "subscription-edition");

    public ExchangeBuildDefinition {
        firstWith = firstWith == null ? List.of() : List.copyOf(firstWith);
    }
}
