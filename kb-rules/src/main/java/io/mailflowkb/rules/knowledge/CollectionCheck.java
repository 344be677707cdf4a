package io.mailflowkb.rules.knowledge;

import io.mailflowkb.model.knowledge.CollectItemDefinition;
import java.util.ArrayList;
import io.mailflowkb.model.knowledge.MissingEvidenceDefinition;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Validates one collection manifest item. Every value ends up in a generated .cmd or .ps1 script, so each is held
 * to the characters its kind really needs: no quotes (except the single quotes of an XPath), no %, $, !, ^, &,
 * |, &lt;, &gt; or backtick anywhere, and only {@code Get-} cmdlets, so a script built from knowledge can only read.
 */
final class CollectionCheck {

    static final int MAX_LIST = 50;
    private static final Pattern KEY = Pattern.compile("HKLM\\\\[A-Za-z0-9 ._()\\\\-]{1,250}");
    private static final Pattern FILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern LOG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 /_.-]{0,99}");
    private static final Pattern QUERY = Pattern.compile("[A-Za-z0-9 *\\[\\]@='_().,:/-]{1,300}");
    private static final Pattern CMDLET = Pattern.compile("Get-[A-Z][A-Za-z]{1,60}");
    private static final Pattern PROPERTY = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,63}");

    private CollectionCheck() {
    }

    static List<String> check(CollectItemDefinition c) {
        String what = "collect " + c.id();
        List<String> problems = new ArrayList<>();
        int sources = (c.registry() != null ? 1 : 0) + (c.events() != null ? 1 : 0) + (c.cmdlet() != null ? 1 : 0)
                + (c.protocolLog() != null ? 1 : 0);
        if (sources != 1) {
            problems.add(what + " needs exactly one of registry, events, cmdlet, protocolLog");
        }
        if (c.what() == null || c.what().isBlank() || c.what().length() > 200) {
            problems.add(what + ": what must be 1 to 200 characters");
        } else if (!c.what().chars().allMatch(ch -> ch >= ' ' && "\"%$!^&|<>`".indexOf(ch) < 0)) {
            problems.add(what + ": what must not contain quotes or any of % $ ! ^ & | < > `");
        }
        String ext = c.registry() != null ? ".reg" : c.events() != null ? ".xml" : c.cmdlet() != null ? ".txt" : "";
        if (c.file() == null || !FILE.matcher(c.file()).matches() || !c.file().toLowerCase().endsWith(ext)
                || c.file().equalsIgnoreCase("manifest.txt")) {
            problems.add(what + ": file '" + c.file() + "' must be a plain name of letters, digits and . _ -"
                    + (ext.isEmpty() ? "" : " ending in " + ext) + ", and not manifest.txt");
        }
        if (c.registry() != null && (!KEY.matcher(c.registry()).matches() || c.registry().endsWith("\\"))) {
            problems.add(what + ": registry key '" + c.registry() + "' must be an HKLM\\ path of letters, digits, spaces and . _ ( ) -");
        }
        if (c.events() != null) {
            if (c.events().log() == null || !LOG.matcher(c.events().log()).matches()) {
                problems.add(what + ": events log '" + c.events().log() + "' must be letters, digits, spaces and / _ . -");
            }
            if (c.events().query() == null || !QUERY.matcher(c.events().query()).matches()) {
                problems.add(what + ": events query must be 1 to 300 characters of letters, digits, spaces and * [ ] @ = ' _ ( ) . , : / -");
            }
        }
        if (c.cmdlet() != null) {
            if (c.cmdlet().name() == null || !CMDLET.matcher(c.cmdlet().name()).matches()) {
                problems.add(what + ": cmdlet '" + c.cmdlet().name() + "' must be a Get- cmdlet (collection only reads)");
            }
            if (c.cmdlet().properties().isEmpty() || c.cmdlet().properties().size() > MAX_LIST) {
                problems.add(what + ": cmdlet needs 1 to " + MAX_LIST + " properties (the ones the findings read)");
            }
            if (c.cmdlet().clixml() != null && !List.of("objects", "properties").contains(c.cmdlet().clixml())) {
                problems.add(what + ": cmdlet clixml must be objects or properties");
            }
            c.cmdlet().properties().stream().filter(p -> p == null || !PROPERTY.matcher(p).matches())
                    .forEach(p -> problems.add(what + ": property '" + p + "' must be letters and digits"));
        }
        if (c.protocolLog() != null) {
            if (!List.of("hub", "frontend").contains(String.valueOf(c.protocolLog().service()))) {
                problems.add(what + ": protocolLog service must be hub or frontend");
            }
            if (!List.of("send", "receive").contains(String.valueOf(c.protocolLog().direction()))) {
                problems.add(what + ": protocolLog direction must be send or receive");
            }
        }
        if (c.findings().size() > MAX_LIST) {
            problems.add(what + ": more than " + MAX_LIST + " findings");
        }
        return problems;
    }

    /** Collection items name findings and missing-evidence items name collection items: every id must exist. */
    static List<KnowledgeProblem> references(Map<String, CollectItemDefinition> collect, Collection<String> findingIds,
                                             List<MissingEvidenceDefinition> missing) {
        List<KnowledgeProblem> problems = new ArrayList<>();
        for (CollectItemDefinition c : collect.values()) {
            c.findings().stream().filter(id -> !findingIds.contains(id)).forEach(id -> problems.add(KnowledgeProblem.at(
                    c.at(), "?", "collect " + c.id() + " names unknown finding '" + id + "'")));
        }
        for (MissingEvidenceDefinition d : missing) {
            d.collect().stream().filter(id -> !collect.containsKey(id)).forEach(id -> problems.add(KnowledgeProblem.at(
                    d.at(), "?", "missingEvidence " + d.id() + " names unknown collect item '" + id + "'")));
        }
        return problems;
    }
}
