package io.mailflowkb.rules.knowledge;

import io.mailflowkb.model.knowledge.FindingDefinition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks the ids one element names of another once every folder is loaded: root-cause links ({@code causedBy})
 * and examples' {@code expect} / {@code expectAbsent}. A typo there would otherwise pass silently: a link that
 * never fires, an example that "proves" a finding that does not exist is absent.
 */
final class KnowledgeLinks {

    private KnowledgeLinks() {
    }

    static void check(List<FindingDefinition> findings, Function<String, String> citedOf,
                      Collection<KnowledgeExample> examples, ElementChecks checks) {
        Map<String, FindingDefinition> byId = findings.stream()
                .collect(Collectors.toMap(FindingDefinition::id, f -> f, (a, b) -> a));
        for (FindingDefinition f : findings) {
            if (f.causedBy() == null) {
                continue;
            }
            for (String cause : f.causedBy().findings()) {
                if (cause.equals(f.id())) {
                    checks.problem(f.at(), citedOf.apply(f.id()), "finding " + f.id() + " names itself in causedBy");
                } else if (!byId.containsKey(cause)) {
                    checks.problem(f.at(), citedOf.apply(f.id()), "finding " + f.id() + ": causedBy names unknown "
                            + "finding '" + cause + "'");
                }
            }
        }
        for (FindingDefinition f : findings) {
            List<String> cycle = cycleFrom(f.id(), byId);
            // reported once, on the finding the cycle is smallest from
            if (cycle != null && cycle.get(0).equals(cycle.stream().sorted().findFirst().orElseThrow())) {
                checks.problem(f.at(), citedOf.apply(f.id()), "root causes form a cycle: " + String.join(" <- ", cycle));
            }
        }
        for (KnowledgeExample e : examples) {
            named(e, "expect", e.definition().expect(), byId.keySet(), checks);
            named(e, "expectAbsent", e.definition().expectAbsent(), byId.keySet(), checks);
        }
    }

    private static void named(KnowledgeExample e, String key, List<String> ids, Set<String> known, ElementChecks checks) {
        for (String id : ids) {
            if (!known.contains(id)) {
                checks.problem(null, e.declaredIn(), "example " + e.name() + ": " + key + " names unknown finding '"
                        + id + "'");
            }
        }
    }

    /** A path of causedBy links from {@code start} back to it, or null; each finding is walked once. */
    private static List<String> cycleFrom(String start, Map<String, FindingDefinition> byId) {
        return walk(start, start, byId, new ArrayList<>(List.of(start)), new HashSet<>());
    }

    private static List<String> walk(String start, String at, Map<String, FindingDefinition> byId, List<String> path,
                                     Set<String> seen) {
        FindingDefinition f = byId.get(at);
        if (f == null || f.causedBy() == null) {
            return null;
        }
        for (String cause : f.causedBy().findings()) {
            if (cause.equals(start) && !cause.equals(at)) {
                List<String> cycle = new ArrayList<>(path);
                cycle.add(cause);
                return cycle;
            }
            if (!cause.equals(at) && byId.containsKey(cause) && seen.add(cause)) {
                path.add(cause);
                List<String> found = walk(start, cause, byId, path, seen);
                if (found != null) {
                    return found;
                }
                path.remove(path.size() - 1);
            }
        }
        return null;
    }
}
