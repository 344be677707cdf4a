package io.mailflowkb.model.bundle;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The project's one JSON and one YAML {@link ObjectMapper}, configured once: strict on read (unknown keys are
 * errors, YAML aliases and sizes bounded), deterministic on write.
 */
public final class Mappers {

    /** Largest YAML or JSON document read, in characters: knowledge and bundles are small; bombs are not. */
    public static final int MAX_DOCUMENT_CHARS = 16 * 1024 * 1024;
    /** Longest string value, JSON or YAML (YAML's is checked per line by the bundle reader, before parsing). */
    public static final int MAX_STRING_CHARS = 1024 * 1024;

    private static final ObjectMapper JSON = configure(JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .addModule(JdkCollections.module())
            .addModule(DeclaredTyping.module())
            .build());

    /** Built on first use: a JSON-only run (kb diagnose --format json) then never loads SnakeYAML. */
    private static final class Yaml {
        static final ObjectMapper MAPPER = configure(YAMLMapper.builder(yamlFactory())
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                .addModule(JdkCollections.module())
                .addModule(DeclaredTyping.module())
                .build());
    }

    private Mappers() {
    }

    public static ObjectMapper json() {
        return JSON;
    }

    public static ObjectMapper yaml() {
        return Yaml.MAPPER;
    }

    /** Pretty JSON with two-space indents and {@code "a": 1} spacing, as in the design's examples. */
    public static DefaultPrettyPrinter prettyPrinter() {
        DefaultPrettyPrinter p = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withArrayEmptySeparator("")
                .withObjectEmptySeparator(""));
        p.indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
        p.indentObjectsWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
        return p;
    }

    private static YAMLFactory yamlFactory() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(40);
        options.setCodePointLimit(MAX_DOCUMENT_CHARS);
        return YAMLFactory.builder().loaderOptions(options).build();
    }

    private static ObjectMapper configure(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxDocumentLength(MAX_DOCUMENT_CHARS)
                .maxNestingDepth(40)
                .maxStringLength(MAX_STRING_CHARS)
                .build());
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        // absent booleans (deleted, subtree, absent) mean false; required numbers are checked by the readers
        mapper.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, false);
        mapper.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        mapper.configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
        return mapper;
    }
}
