package io.mailflowkb.rules.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.drools.model.Model;

/**
 * Loads the executable model that kie-maven-plugin generated from the shipped DRL at build time. Loading the
 * generated class directly (instead of through a KieContainer) is what keeps a shaded jar from falling back to
 * compiling DRL at run time (docs/architecture.md, step 4).
 */
final class ShippedRules {

    static final String MODEL_INDEX = "META-INF/kie/io.mailflowkb/kb-rules/drools-model";

    private ShippedRules() {
    }

    static Model model() {
        ClassLoader loader = ShippedRules.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(MODEL_INDEX)) {
            if (in == null) {
                throw new IllegalStateException("the pre-built rule model is missing (" + MODEL_INDEX
                        + "): kb-rules was not built with kie-maven-plugin");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String className = null;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("Drools-Model-Version")) {
                    className = line.strip();
                }
            }
            if (className == null) {
                throw new IllegalStateException(MODEL_INDEX + " names no model class");
            }
            return (Model) Class.forName(className, true, loader).getDeclaredConstructor().newInstance();
        } catch (IOException | ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load the pre-built rule model", e);
        }
    }
}
