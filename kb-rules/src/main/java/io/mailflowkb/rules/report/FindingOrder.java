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
 * The order findings are reported in, in every format: a finding the correlation names as another's root cause
 * ({@link Finding#causedBy}) comes before that consequence; otherwise most severe first, then by id. A stable
 * topological sort whose ready set is taken in {@link Finding#ORDER}, so the order depends only on the findings.
 */
public final class FindingOrder {

    private FindingOrder() {
    }

    public static List<Finding> sort(List<Finding> findings) {
        if (noCauses(findings)) {
            // nothing waits for anything: the ready set is all of them, taken in ORDER
            List<Finding> out = new ArrayList<>(findings);
            out.sort(Finding.ORDER);
            return out;
        }
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
        for (Finding f : findings) {
            if (waitingFor.get(f.id()) == 0) {
                ready.add(f);
            }
        }
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

    /**
     * Whether no finding names a cause and no two share an id: the sort is then {@link Finding#ORDER} itself (with a
     * shared id the queue keeps the first it polls, which a plain sort does not decide the same way).
     */
    private static boolean noCauses(List<Finding> findings) {
        for (Finding f : findings) {
            if (!f.causedBy().isEmpty()) {
                return false;
            }
        }
        if (findings.size() > 32) {
            Set<String> ids = new HashSet<>();
            for (Finding f : findings) {
                if (!ids.add(f.id())) {
                    return false;
                }
            }
            return true;
        }
        for (int i = 0; i < findings.size(); i++) {
            for (int j = i + 1; j < findings.size(); j++) {
                if (java.util.Objects.equals(findings.get(i).id(), findings.get(j).id())) {
                    return false;
                }
            }
        }
        return true;
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
