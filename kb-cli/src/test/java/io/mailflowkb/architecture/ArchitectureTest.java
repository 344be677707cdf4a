package io.mailflowkb.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layout docs/architecture.md draws, checked on the compiled main classes of all four modules (kb-cli's test
 * class path holds them all): no package depends on itself through others, and no public kb-rules signature names
 * a Drools or KIE type (the engine keeps them package-private). {@link #theRulesCatchACycleAndALeak} runs the same
 * rules on fixtures that break them, so a rule that stopped seeing anything would fail here too.
 */
class ArchitectureTest {

    /** kie-maven-plugin's executable model of the shipped DRL: public by the generator's design, loaded by name. */
    static final String GENERATED = "io.mailflowkb.rules.drl..";

    private static JavaClasses product;

    @BeforeAll
    static void importProduct() {
        product = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.mailflowkb");
    }

    @Test
    void everyModuleIsOnTheClassPath() {
        Set<String> packages = product.stream().map(JavaClass::getPackageName).collect(java.util.stream.Collectors.toSet());
        assertThat(packages).contains("io.mailflowkb.model.fact", "io.mailflowkb.rules.engine",
                "io.mailflowkb.plugins.registry", "io.mailflowkb.cli.render");
    }

    @Test
    void noPackageCycle() {
        noCycleBetweenPackagesOf("io.mailflowkb").check(product);
    }

    @Test
    void noPublicKbRulesSignatureNamesADroolsType() {
        noDroolsTypeInPublicSignatures("io.mailflowkb.rules..", GENERATED).check(product);
    }

    @Test
    void theRulesCatchACycleAndALeak() {
        JavaClasses fixtures = new ClassFileImporter().importPackages("io.mailflowkb.architecture.fixture");
        assertThatThrownBy(() -> noCycleBetweenPackagesOf("io.mailflowkb.architecture.fixture.cycle").check(fixtures))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Cycle detected")
                .hasMessageContaining("fixture.cycle.a").hasMessageContaining("fixture.cycle.b");
        assertThatThrownBy(() -> noDroolsTypeInPublicSignatures("io.mailflowkb.architecture.fixture.leak..",
                "io.mailflowkb.architecture.fixture.leak.generated..").check(fixtures))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LeakyApi.model()").hasMessageContaining("org.drools.model.Model")
                .hasMessageContaining("LeakyApi.session").hasMessageContaining("LeakyApi(org.kie.api.KieBase)")
                .hasMessageNotContaining("Hidden").hasMessageNotContaining("Generated");
    }

    /** Every package under {@code root} is a slice; a slice that reaches itself through others fails. */
    static ArchRule noCycleBetweenPackagesOf(String root) {
        return slices().matching(root + ".(**)").namingSlices("$1").should().beFreeOfCycles()
                .because("each package depends only on the ones below it (docs/architecture.md)");
    }

    /** Public and protected members of public types in {@code packages}, outside {@code excluded}, name no Drools type. */
    static ArchRule noDroolsTypeInPublicSignatures(String packages, String excluded) {
        return classes().that().resideInAPackage(packages).and().resideOutsideOfPackage(excluded)
                .and(visibleOutside())
                .should(nameNoDroolsType())
                .because("Drools stays inside rules.engine: an embedder sees only kb-model and the Diagnostician");
    }

    private static DescribedPredicate<JavaClass> visibleOutside() {
        return DescribedPredicate.describe("are visible outside their package", c -> {
            for (Optional<JavaClass> k = Optional.of(c); k.isPresent(); k = k.get().getEnclosingClass()) {
                if (!k.get().getModifiers().contains(JavaModifier.PUBLIC)) {
                    return false;
                }
            }
            return true;
        });
    }

    private static ArchCondition<JavaClass> nameNoDroolsType() {
        return new ArchCondition<>("name no org.drools or org.kie type in a public or protected signature") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                List<String> leaks = new ArrayList<>();
                c.getSuperclass().ifPresent(t -> leak(leaks, c.getName() + " extends", t));
                c.getInterfaces().forEach(t -> leak(leaks, c.getName() + " implements", t));
                for (JavaField f : c.getFields()) {
                    if (visible(f.getModifiers())) {
                        leak(leaks, f.getFullName(), f.getType());
                    }
                }
                for (JavaCodeUnit u : c.getCodeUnits()) {
                    if (!visible(u.getModifiers()) || u.getModifiers().contains(JavaModifier.SYNTHETIC)
                            || u.getModifiers().contains(JavaModifier.BRIDGE)) {
                        continue;
                    }
                    String name = c.getName() + (u.isConstructor() ? "" : "." + u.getName()) + "("
                            + String.join(", ", u.getRawParameterTypes().stream().map(JavaClass::getName).toList()) + ")";
                    leak(leaks, name, u.getReturnType());
                    u.getParameterTypes().forEach(t -> leak(leaks, name, t));
                    u.getThrowsClause().getTypes().forEach(t -> leak(leaks, name + " throws", t));
                }
                leaks.forEach(l -> events.add(SimpleConditionEvent.violated(c, l)));
            }
        };
    }

    private static boolean visible(Set<JavaModifier> modifiers) {
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    }

    private static void leak(List<String> leaks, String where, JavaType type) {
        for (JavaClass raw : type.getAllInvolvedRawTypes()) {
            String n = raw.getName();
            if (n.startsWith("org.drools.") || n.startsWith("org.kie.")) {
                leaks.add(where + " names " + n);
            }
        }
    }
}
