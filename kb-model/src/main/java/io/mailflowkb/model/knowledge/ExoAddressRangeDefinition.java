package io.mailflowkb.model.knowledge;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One row of the knowledge's Exchange Online address table: a mail address range Microsoft publishes, so a peer
 * address in it is Exchange Online. Data, so a range Microsoft adds is a knowledge edit; collectors receive the
 * table through {@link io.mailflowkb.model.spi.SymptomSet#exoAddressRanges()}.
 *
 * @param range  {@code address/bits}, IPv4 or IPv6, e.g. {@code 40.92.0.0/15}
 * @param source the https page that publishes it
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ExoAddressRangeDefinition(String range, String source, @JsonIgnore SourceLocation at)
        implements Located<ExoAddressRangeDefinition> {

    @Override
    public ExoAddressRangeDefinition at(SourceLocation location) {
        return new ExoAddressRangeDefinition(range, source, location);
    }
}
