package io.mailflowkb.rules.report;

import io.mailflowkb.model.finding.Finding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * FindingOrder as it was before the fifth round of issue 17 (the text unchanged but for its name), for
 * {@code ReportEquivalenceTest}.
 *
 * <p>The order findings are reported in, in every format: a finding the correlation names as another's root cause
 * ({@link Finding#causedBy}) comes before that consequence; otherwise most severe first, then by id. A stable
 * topological sort whose ready set is taken in {@link Finding#ORDER}, so the order depends only on the findings.
 */
final class FindingOrderBefore {

    private FindingOrderBefore() {
    }

    public static List<Finding> sort(List<Finding> findings) {
        Map<String, Finding> byId = new HashMap<>();
        findings.forEach(f -> byId.put(f.id(), f));
        Map<String, Integer> waitingFor = new HashMap<>();
        Map<String, List<String>> consequences = new HashMap<>();
        for (Finding f : findings) {
            int causes = 0;
            for (String cause : new HashSet<>(f.causedBy())) {
                // "root cause" notes that contradict each other (a cycle) say nothing about order: ignored
                if (byId.containsKey(cause) && !cause.equals(f.id()) && !reaches(byId, f.id(), cause)) {
                    causes++;
                    consequences.computeIfAbsent(cause, k -> new ArrayList<>()).add(f.id());
                }
            }
            waitingFor.put(f.id(), causes);
        }
        PriorityQueue<Finding> ready = new PriorityQueue<>(Finding.ORDER);
        findings.stream().filter(f -> waitingFor.get(f.id()) == 0).forEach(ready::add);
        List<Finding> out = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        while (!ready.isEmpty()) {
            Finding next = ready.poll();
            if (!placed.add(next.id())) {
                continue;
            }
            out.add(next);
            for (String c : consequences.getOrDefault(next.id(), List.of())) {
                int left = waitingFor.merge(c, -1, Integer::sum);
                if (left == 0 && !placed.contains(c)) {
                    ready.add(byId.get(c));
                }
            }
        }
        return out;
    }

    /** Whether {@code to} is among the causes of {@code from}, directly or through other causes. */
    private static boolean reaches(Map<String, Finding> byId, String from, String to) {
        Set<String> seen = new HashSet<>();
        List<String> todo = new ArrayList<>(List.of(to));
        while (!todo.isEmpty()) {
            String id = todo.remove(todo.size() - 1);
            Finding f = byId.get(id);
            if (f == null || !seen.add(id)) {
                continue;
            }
            for (String c : f.causedBy()) {
                if (c.equals(from)) {
                    return true;
                }
                todo.add(c);
            }
        }
        return false;
    }
}
