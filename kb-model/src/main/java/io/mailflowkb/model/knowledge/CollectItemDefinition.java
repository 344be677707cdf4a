package io.mailflowkb.model.knowledge;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One item of the collection manifest (a {@code collect:} list in a knowledge file): a piece of evidence the
 * generated collection scripts export, the missing-evidence "how" texts ask for and the README's manual list
 * shows. Exactly one of {@code registry}, {@code events}, {@code cmdlet} and {@code protocolLog} is given; the
 * loader checks that and holds every value to a narrow character set, because all of them are written into
 * scripts ({@code io.mailflowkb.rules.collect}).
 *
 * @param id          unique id, referenced by {@code missingEvidence[].collect}
 * @param what        what it is, for people (shown in manifest.txt and the README list)
 * @param registry    a key to {@code reg export}, {@code HKLM\...}
 * @param events      an event query to run with {@code wevtutil qe}
 * @param cmdlet      an Exchange Management Shell {@code Get-} cmdlet
 * @param protocolLog a transport service's SMTP protocol log folder
 * @param file        the output: a file name ({@code .reg}, {@code .xml}, {@code .txt}) or, for protocol logs,
 *                    a folder name
 * @param findings    ids of the findings that read this evidence
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record CollectItemDefinition(String id, String what, String registry, EventQuery events, CmdletQuery cmdlet,
                                    ProtocolLogQuery protocolLog, String file, List<String> findings,
                                    @JsonIgnore SourceLocation at) implements Located<CollectItemDefinition> {

    public CollectItemDefinition {
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    @Override
    public CollectItemDefinition at(SourceLocation location) {
        return new CollectItemDefinition(id, what, registry, events, cmdlet, protocolLog, file, findings, location);
    }

    /**
     * An event log query, run as {@code wevtutil qe LOG /q:"QUERY" /f:xml}.
     *
     * @param log   the log name, e.g. {@code System}
     * @param query the XPath filter, e.g. {@code *[System[Provider[@Name='Schannel']]]}
     */
    public record EventQuery(String log, String query) {
    }

    /**
     * A read-only Exchange cmdlet. Its output is saved as {@code Format-List *} text that is not wrapped and, with
     * {@code clixml}, also as {@code Export-Clixml} beside it (same name, {@code .xml}).
     *
     * @param name       the cmdlet, {@code Get-...}
     * @param properties the properties the findings read (all of them are in {@code Format-List *})
     * @param clixml     {@code objects}: {@code Export-Clixml} of the objects as the cmdlet returns them (the form
     *                   HealthChecker's fixtures have); {@code properties}: of {@code Select-Object} these
     *                   properties first (an Exchange certificate's Services and Status survive only that way);
     *                   absent: no CLIXML
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record CmdletQuery(String name, List<String> properties, String clixml) {
        public CmdletQuery {
            properties = properties == null ? List.of() : List.copyOf(properties);
        }
    }

    /**
     * The SMTP protocol logs of one transport service.
     *
     * @param service   {@code hub} (Get-TransportService, the Transport service) or {@code frontend}
     *                  (Get-FrontEndTransportService)
     * @param direction {@code send} (SmtpSend) or {@code receive} (SmtpReceive)
     */
    public record ProtocolLogQuery(String service, String direction) {
    }
}
