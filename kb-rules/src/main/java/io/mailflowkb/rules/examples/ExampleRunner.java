package io.mailflowkb.rules.examples;

import io.mailflowkb.model.bundle.FactBundle;
import io.mailflowkb.model.finding.Diagnosis;
import io.mailflowkb.model.finding.Finding;
import io.mailflowkb.rules.Diagnostician;
import io.mailflowkb.rules.knowledge.ExampleInputOutsideException;
import io.mailflowkb.rules.knowledge.KnowledgeExample;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Runs knowledge examples: reads each example's inputs, diagnoses them, and checks the expected and the absent
 * finding ids. How an input becomes facts is left to the caller ({@code kb rules test} runs the collectors for raw
 * exports), so this class depends on nothing but the model.
 */
public final class ExampleRunner {

    /** One example's outcome. */
    public record Result(KnowledgeExample example, boolean passed, List<String> problems, Set<String> produced) {
    }

    private final Diagnostician diagnostician;
    private final Function<KnowledgeExample, FactBundle> inputs;

    /**
     * @param inputs reads an example's inputs into one bundle, each through {@link KnowledgeExample#input}
     */
    public ExampleRunner(Diagnostician diagnostician, Function<KnowledgeExample, FactBundle> inputs) {
        this.diagnostician = diagnostician;
        this.inputs = inputs;
    }

    public List<Result> runAll() {
        List<Result> results = new ArrayList<>();
        for (KnowledgeExample e : diagnostician.knowledge().examples()) {
            results.add(run(e));
        }
        return results;
    }

    public Result run(KnowledgeExample example) {
        List<String> problems = new ArrayList<>();
        Set<String> produced = new TreeSet<>();
        try {
            Diagnosis d = diagnostician.diagnose(inputs.apply(example));
            d.findings().stream().map(Finding::id).forEach(produced::add);
            for (String id : example.definition().expect()) {
                if (!produced.contains(id)) {
                    problems.add("expected finding " + id + " was not produced");
                }
                if (diagnostician.knowledge().finding(id).isEmpty()) {
                    problems.add("expects unknown or disabled finding " + id);
                }
            }
            for (String id : example.definition().expectAbsent()) {
                if (produced.contains(id)) {
                    problems.add("finding " + id + " was produced but the example says it must not be");
                }
            }
        } catch (ExampleInputOutsideException e) {
            throw e; // not a failing example: a knowledge folder reaching outside itself is refused outright
        } catch (RuntimeException e) {
            problems.add("cannot run: " + e.getMessage());
        }
        return new Result(example, problems.isEmpty(), problems, produced);
    }
}
