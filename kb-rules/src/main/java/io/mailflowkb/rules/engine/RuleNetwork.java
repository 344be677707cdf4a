package io.mailflowkb.rules.engine;

import java.util.List;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.conf.ConfigurationKey;
import org.kie.api.conf.KieBaseMutabilityOption;
import org.kie.api.conf.OptionKey;
import org.kie.api.conf.OptionsConfiguration;
import org.kie.internal.builder.KnowledgeBuilderConfiguration;
import org.kie.internal.builder.conf.KnowledgeBuilderOption;
import org.kie.internal.builder.conf.MultiValueKieBuilderOption;
import org.kie.internal.builder.conf.PropertySpecificOption;
import org.kie.internal.builder.conf.SingleValueKieBuilderOption;

/**
 * Makes the one KieBase of an {@link Engine}: the shipped rules' model (pre-built DRL) and the translated knowledge's,
 * with property reactivity off and the KieBase immutable.
 *
 * <p>Why off: property reactivity only decides which nodes a {@code modify}/{@code update} of a fact re-evaluates,
 * and no rule here modifies or updates a fact (derivations and findings insert new ones; a session's facts are
 * inserted once). With Drools' default ({@code ALWAYS}) the build scans every fact class's accessors for
 * {@code @Modifies}, reads their annotations and computes a property mask per node: about 13 ms of a cold build's
 * 75-85 ms of CPU (docs/perf.md, Start-up, sixth round). The executable model takes the option only from a
 * {@link KnowledgeBuilderConfiguration}, whose implementation in Drools needs the DRL compiler kb.jar does not ship,
 * so {@link PropertyReactivityOff} answers that one option itself. {@code RuleNetworkEquivalenceTest} checks that
 * diagnoses and explanations are those of a KieBase built with Drools' defaults.
 *
 * <p>Why immutable ({@code KieBaseMutabilityOption.DISABLED}): no rule is ever added to a built KieBase, and a
 * mutable one gives every session Drools' class-aware object store, which a pooled session rebuilds on every run
 * (about a tenth of a warm diagnosis: docs/perf.md, Throughput, sixth round). An immutable one keeps a plain identity
 * map instead, and drops from it each fact that matched nothing when it was inserted (Drools' {@code isOrphanHandle}:
 * such a fact can match nothing later either, as facts here are never modified); so the session's objects are no
 * longer all it was given and derived, and {@link Engine} takes what a run inserted from its insert events instead.
 */
final class RuleNetwork {

    private RuleNetwork() {
    }

    /** The KieBase of {@code shipped} and {@code knowledge}, in that order. */
    static KieBase of(Model shipped, Model knowledge) {
        KieBaseConfiguration immutable = KieServices.get().newKieBaseConfiguration();
        immutable.setOption(KieBaseMutabilityOption.DISABLED);
        return KieBaseBuilder.createKieBaseFromModel(List.of(shipped, knowledge), immutable,
                PropertyReactivityOff.INSTANCE);
    }

    /** The same rules built with Drools' default options: what {@link #of} is compared with in tests. */
    static KieBase withDroolsDefaults(Model shipped, Model knowledge) {
        return KieBaseBuilder.createKieBaseFromModel(List.of(shipped, knowledge));
    }

    /**
     * The builder configuration the executable model asks one thing of, {@link PropertySpecificOption}; any other
     * question is a Drools version that asks more, which must fail the build loudly rather than get a guess.
     */
    static final class PropertyReactivityOff implements KnowledgeBuilderConfiguration {

        static final PropertyReactivityOff INSTANCE = new PropertyReactivityOff();

        private PropertyReactivityOff() {
        }

        @Override
        @SuppressWarnings("unchecked")
        public <C extends SingleValueKieBuilderOption> C getOption(OptionKey<C> key) {
            if (PropertySpecificOption.KEY.equals(key)) {
                return (C) PropertySpecificOption.DISABLED;
            }
            throw unsupported("option " + key);
        }

        @Override
        public <C extends KnowledgeBuilderOption> void setOption(C option) {
            throw unsupported("setOption");
        }

        @Override
        public void makeImmutable() {
            // immutable already
        }

        @Override
        public ClassLoader getClassLoader() {
            return RuleNetwork.class.getClassLoader();
        }

        @Override
        public <X extends OptionsConfiguration<KnowledgeBuilderOption, SingleValueKieBuilderOption,
                MultiValueKieBuilderOption>> X as(ConfigurationKey<X> key) {
            throw unsupported("as " + key);
        }

        @Override
        public boolean setProperty(String name, String value) {
            throw unsupported("setProperty " + name);
        }

        @Override
        public String getProperty(String name) {
            throw unsupported("getProperty " + name);
        }

        private static UnsupportedOperationException unsupported(String what) {
            return new UnsupportedOperationException("the rule build asked its configuration for " + what
                    + ": this Drools version needs more than property reactivity from it (RuleNetwork)");
        }
    }
}
