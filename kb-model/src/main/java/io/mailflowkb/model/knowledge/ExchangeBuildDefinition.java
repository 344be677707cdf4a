package io.mailflowkb.model.knowledge;

/**
 * One row of the knowledge's Exchange build table: which cumulative update a build number is. Data, so a newer CU
 * is a knowledge edit, not a code change.
 *
 * @param build   dotted build, e.g. {@code 15.1.2507.6}
 * @param product e.g. {@code Exchange Server 2016}
 * @param name    the update's name, e.g. {@code CU23}
 * @param tag     the source tag ({@code S56}, listed in docs/sources.md)
 */
public record ExchangeBuildDefinition(String build, String product, String name, String tag) {
}
