package io.mailflowkb.model.knowledge;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An example the knowledge file proves itself with: inputs (a bundle, or raw exports) and the finding ids they must
 * and must not produce. {@code kb rules test} and the Maven build run every example.
 *
 * @param name     unique name, used by {@code kb diagnose --example NAME}
 * @param inputs   paths relative to the knowledge file: {@code .yaml}/{@code .json} bundles, or raw artifacts
 *                 prefixed with their kind ({@code registry:server.reg}, {@code logs:send-logs/})
 * @param expect   finding ids that must be produced
 * @param expectAbsent finding ids that must not be produced
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ExampleDefinition(String name, String description, List<String> inputs, List<String> expect,
                                List<String> expectAbsent) {
    public ExampleDefinition {
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        expect = expect == null ? List.of() : List.copyOf(expect);
        expectAbsent = expectAbsent == null ? List.of() : List.copyOf(expectAbsent);
    }
}
