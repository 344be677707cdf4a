package io.mailflowkb.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailflowkb.model.bundle.Mappers;
import io.mailflowkb.rules.knowledge.FactVocabulary;
import io.mailflowkb.rules.knowledge.KnowledgeSource;
import io.mailflowkb.rules.knowledge.Operator;
import io.mailflowkb.rules.knowledge.VocabularyTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/knowledge-format.md and the JSON Schema stay in step with the vocabulary the loader enforces. */
class KnowledgeFormatDocTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    static JsonNode schema() throws Exception {
        return Mappers.json().readTree(ROOT.resolve("knowledge/schema/knowledge.schema.json").toFile());
    }

    static Set<String> texts(JsonNode array) {
        Set<String> out = new TreeSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void documentationHoldsTheGeneratedVocabularyTable() throws Exception {
        String doc = Files.readString(ROOT.resolve("docs/knowledge-format.md"));
        assertThat(doc).as("regenerate the table in docs/knowledge-format.md from VocabularyTable.markdown()")
                .contains(VocabularyTable.markdown());
    }

    @Test
    void schemaNamesExactlyTheVocabularyFactsAndOperators() throws Exception {
        JsonNode defs = schema().get("$defs");
        assertThat(texts(defs.get("pattern").get("properties").get("fact").get("enum")))
                .isEqualTo(new TreeSet<>(FactVocabulary.types().keySet()));
        assertThat(texts(defs.get("constraint").get("properties").get("op").get("enum")))
                .isEqualTo(new TreeSet<>(Arrays.stream(Operator.values()).map(Operator::id).toList()));
    }

    @Test
    void shippedFilesUseOnlyKeysTheSchemaAllows() throws Exception {
        JsonNode schema = schema();
        List<String> problems = new ArrayList<>();
        for (Path file : KnowledgeSource.userFolder(ROOT.resolve("knowledge")).files()) {
            JsonNode doc = Mappers.yaml().readTree(file.toFile());
            check(doc, schema, schema, file.getFileName().toString(), problems);
        }
        assertThat(problems).isEmpty();
    }

    /** A small structural check (object keys against "properties", recursively); enough to catch drift. */
    private static void check(JsonNode doc, JsonNode node, JsonNode schema, String at, List<String> problems) {
        if (node.has("$ref")) {
            String name = node.get("$ref").asText().substring("#/$defs/".length());
            check(doc, schema.get("$defs").get(name), schema, at, problems);
            return;
        }
        if (doc.isObject() && node.has("properties")) {
            for (Iterator<String> it = doc.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!node.get("properties").has(key)) {
                    problems.add(at + ": key '" + key + "' not in the schema");
                } else {
                    check(doc.get(key), node.get("properties").get(key), schema, at + "." + key, problems);
                }
            }
        } else if (doc.isArray() && node.has("items")) {
            doc.forEach(item -> check(item, node.get("items"), schema, at + "[]", problems));
        }
    }

    @Test
    void loaderSkipsTheSchemaAndExamplesFolders(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("schema"));
        Files.createDirectories(dir.resolve("examples"));
        Files.createDirectories(dir.resolve("findings/one/near-misses"));
        Files.writeString(dir.resolve("findings/one/near-misses/bundle.yaml"), "schemaVersion: 1\n");
        Files.writeString(dir.resolve("schema/not-knowledge.yaml"), "this: is not knowledge\n");
        Files.writeString(dir.resolve("examples/bundle.yaml"), "schemaVersion: 1\n");
        Files.writeString(dir.resolve("real.yaml"), "knowledgeVersion: 1\n");
        assertThat(KnowledgeSource.userFolder(dir).files()).containsExactly(dir.resolve("real.yaml"));
    }
}
