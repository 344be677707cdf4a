package io.mailflowkb.rules.knowledge;

import io.mailflowkb.model.knowledge.ConditionDefinition;
import io.mailflowkb.model.knowledge.SourceLocation;
import io.mailflowkb.rules.derive.WindowsReleases;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The named conditions of every loaded folder ({@code conditions:}), compiled once each, on first use, with the
 * compiler of the file that defines them (so their problems point there). A name may be used before the file that
 * defines it is read: findings are compiled only after every file is in.
 */
final class NamedConditions {

    private record Entry(ConditionDefinition definition, String file) {
    }

    private final Map<String, Entry> byName = new LinkedHashMap<>();
    private final Map<String, List<CompiledPattern>> compiled = new HashMap<>();
    /** The names being compiled, outermost first: a name met again is a cycle. */
    private final List<String> resolving = new ArrayList<>();
    private final List<KnowledgeProblem> problems;
    private final ElementChecks checks;
    private final Supplier<WindowsReleases> releases;

    /** {@code releases}: the Windows release table, complete once every file is read (conditions compile then). */
    NamedConditions(List<KnowledgeProblem> problems, ElementChecks checks, Supplier<WindowsReleases> releases) {
        this.releases = releases;
        this.problems = problems;
        this.checks = checks;
    }

    void add(ConditionDefinition c, String file) {
        if (checks.id(c.name(), c.at(), file, "condition")
                && checks.unique(byName.containsKey(c.name()), c.at(), file, "condition " + c.name())) {
            if (c.when().isEmpty()) {
                checks.problem(c.at(), file, "condition " + c.name() + " needs 'when' (the patterns it stands for)");
            }
            if (c.description() != null) {
                checks.require(c.description(), c.at(), file, "condition " + c.name() + ": description",
                        ElementChecks.MAX_TITLE);
            }
            byName.put(c.name(), new Entry(c, file));
        }
    }

    /** The patterns {@code name} stands for, or {@code null} after recording, at the use, why there are none. */
    List<CompiledPattern> resolve(String name, SourceLocation usedAt, String usedIn) {
        Entry e = byName.get(name);
        if (e == null) {
            checks.problem(usedAt, usedIn, "unknown condition '" + name + "' (known: "
                    + (byName.isEmpty() ? "none" : String.join(", ", byName.keySet())) + ")");
            return null;
        }
        List<CompiledPattern> done = compiled.get(name);
        if (done != null) {
            return done;
        }
        if (resolving.contains(name)) {
            List<String> cycle = new ArrayList<>(resolving.subList(resolving.indexOf(name), resolving.size()));
            cycle.add(name);
            checks.problem(usedAt, usedIn, "conditions use each other in a cycle: " + String.join(" -> ", cycle));
            return null;
        }
        resolving.add(name);
        try {
            List<CompiledPattern> patterns = new PatternCompiler(e.file(), problems, this, releases.get())
                    .compile(e.definition().when());
            compiled.put(name, patterns);
            return patterns;
        } finally {
            resolving.remove(resolving.size() - 1);
        }
    }

    /** Compiles the conditions no finding used, so their mistakes are reported too. */
    void checkUnused() {
        byName.forEach((name, e) -> {
            if (!compiled.containsKey(name)) {
                resolve(name, e.definition().at(), e.file());
            }
        });
    }
}
