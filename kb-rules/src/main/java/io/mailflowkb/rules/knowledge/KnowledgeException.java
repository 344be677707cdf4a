package io.mailflowkb.rules.knowledge;

import java.util.List;

/** Knowledge that cannot be loaded: each problem names its file, line and column. */
public class KnowledgeException extends RuntimeException {

    private final List<KnowledgeProblem> problems;

    public KnowledgeException(List<KnowledgeProblem> problems) {
        super(problems.isEmpty() ? "invalid knowledge" : problems.get(0)
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problems)" : ""));
        this.problems = List.copyOf(problems);
    }

    public List<KnowledgeProblem> problems() {
        return problems;
    }
}
