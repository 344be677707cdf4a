package io.mailflowkb.model.knowledge;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One row of the knowledge's Windows release table: how a Windows Server release is recognised (its name in
 * {@code ProductName}, its {@code CurrentBuildNumber} range) and what SChannel does for each TLS version when no
 * registry value says otherwise. Data, so a corrected default or a new release is a knowledge edit.
 *
 * @param release    the release's name, e.g. {@code Windows Server 2012 R2}; a later folder's row of the same name
 *                   replaces the earlier one
 * @param firstBuild first {@code CurrentBuildNumber} of the release
 * @param lastBuild  last {@code CurrentBuildNumber} of the release
 * @param tls10      default for TLS 1.0: {@code enabled}, {@code disabled-by-default}, {@code unsupported} or
 *                   {@code unknown} (no cited source confirms it)
 * @param tls11      likewise for TLS 1.1
 * @param tls12      likewise for TLS 1.2
 * @param tls13      likewise for TLS 1.3
 * @param tags       the source tags the defaults are taken from (domain notes section 4.4, docs/sources.md)
 * @param note       why a default is {@code unknown}, or anything else an author should know
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record WindowsReleaseDefinition(String release, Integer firstBuild, Integer lastBuild, String tls10,
                                       String tls11, String tls12, String tls13, List<String> tags, String note,
                                       @JsonIgnore SourceLocation at) implements Located<WindowsReleaseDefinition> {

    /** The spellings of an OS default. */
    public static final List<String> DEFAULTS = List.of("enabled", "disabled-by-default", "unsupported", "unknown");

    public WindowsReleaseDefinition {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** The four defaults in protocol order: TLS 1.0, 1.1, 1.2, 1.3. */
    public List<String> defaults() {
        return java.util.Arrays.asList(tls10, tls11, tls12, tls13);
    }

    @Override
    public WindowsReleaseDefinition at(SourceLocation location) {
        return new WindowsReleaseDefinition(release, firstBuild, lastBuild, tls10, tls11, tls12, tls13, tags, note,
                location);
    }
}
