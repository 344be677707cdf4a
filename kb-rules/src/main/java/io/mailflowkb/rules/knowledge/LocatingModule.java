package io.mailflowkb.rules.knowledge;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.mailflowkb.model.knowledge.Located;
import io.mailflowkb.model.knowledge.SourceLocation;
import java.io.IOException;

/**
 * Teaches Jackson to stamp every {@link Located} knowledge element with the file, line and column it starts at,
 * so validation errors can point at {@code file:line:column}. The file name travels as a reader attribute.
 */
final class LocatingModule extends SimpleModule {

    static final String FILE_ATTRIBUTE = "kb.knowledge.file";

    LocatingModule() {
        super("kb-knowledge-locations");
        setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> deserializer) {
                return Located.class.isAssignableFrom(description.getBeanClass())
                        ? new Stamping(deserializer) : deserializer;
            }
        });
    }

    private static final class Stamping extends DelegatingDeserializer {
        Stamping(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new Stamping(newDelegatee);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonLocation start = p.currentTokenLocation();
            Object value = super.deserialize(p, ctxt);
            if (value instanceof Located<?> located) {
                Object file = ctxt.getAttribute(FILE_ATTRIBUTE);
                return located.at(new SourceLocation(file == null ? "?" : file.toString(),
                        start.getLineNr(), start.getColumnNr()));
            }
            return value;
        }
    }
}
