package io.mailflowkb.cli.render;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailflowkb.model.bundle.Mappers;
import io.mailflowkb.model.finding.Diagnosis;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.Set;

/** The JSON contract of README.md (JSON output): one object with findings, missingEvidence and inputs. */
public final class JsonRenderer implements Renderer {

    /**
     * Builds the JSON mapper and the serializers of a diagnosis and of every record it holds, which is most of what
     * the first {@link #render} costs in a fresh JVM (about 40 ms against 1 ms warm, docs/perf.md); run ahead on
     * another thread while the knowledge loads (kb-cli's HeadStart). Writes nothing: the serializers are cached in
     * the shared mapper, and what render writes does not depend on them having been built early. The record types
     * are found by walking Diagnosis's components, so a record added to the model is warmed up too.
     */
    public static void prepare() {
        ObjectMapper mapper = Mappers.json();
        mapper.writer(Mappers.prettyPrinter());
        prefetch(mapper, Diagnosis.class, new HashSet<>());
    }

    private static void prefetch(ObjectMapper mapper, Type type, Set<Class<?>> seen) {
        if (type instanceof ParameterizedType p) {
            for (Type argument : p.getActualTypeArguments()) {
                prefetch(mapper, argument, seen);
            }
            return;
        }
        if (type instanceof Class<?> c && c.isRecord() && seen.add(c)) {
            for (RecordComponent component : c.getRecordComponents()) {
                if (!component.getAccessor().isAnnotationPresent(JsonIgnore.class)) {
                    prefetch(mapper, component.getGenericType(), seen);
                }
            }
            mapper.writerFor(c); // builds and caches the serializer (ObjectWriter prefetches its root type's)
        }
    }

    @Override
    public String render(Diagnosis diagnosis) {
        try {
            return Mappers.json().writer(Mappers.prettyPrinter()).writeValueAsString(diagnosis) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One JSON Lines line for a batch run: {@code {"bundle": NAME, "findings": ..., "missingEvidence": ...,
     * "inputs": ...}}, the single-diagnosis object with the bundle's path first. The path is needed to tell lines
     * apart: for a bundle written by {@code kb collect}, {@code inputs[].source} names the raw exports instead.
     */
    public String renderLine(String bundle, Diagnosis diagnosis) {
        ObjectNode line = Mappers.json().createObjectNode();
        line.put("bundle", bundle);
        line.setAll((ObjectNode) Mappers.json().valueToTree(diagnosis));
        try {
            return Mappers.json().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(line) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
