package io.mailflowkb.plugins.registry;

import io.mailflowkb.model.fact.Fact;
import io.mailflowkb.model.fact.HostProfile;
import io.mailflowkb.model.fact.RegistryKey;
import io.mailflowkb.model.fact.RegistryPaths;
import io.mailflowkb.model.fact.RegistryValue;
import io.mailflowkb.model.spi.FactSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Keeps what a collector sends, with warnings as records so tests can check file, line and text. */
final class RecordingSink implements FactSink {

    record Warning(String source, Integer line, String message) {
    }

    final List<Fact> facts = new ArrayList<>();
    final List<Warning> warnings = new ArrayList<>();
    final List<String> read = new ArrayList<>();

    @Override
    public void fact(Fact fact) {
        facts.add(fact);
    }

    @Override
    public void warning(String source, Integer line, String message) {
        warnings.add(new Warning(source, line, message));
    }

    @Override
    public void read(String source, String collectorId) {
        read.add(source + "|" + collectorId);
    }

    @Override
    public void skipped(String source, String reason) {
        throw new AssertionError("the registry collector never skips: " + reason);
    }

    List<RegistryValue> values() {
        return facts.stream().filter(RegistryValue.class::isInstance).map(RegistryValue.class::cast).toList();
    }

    List<RegistryKey> keys() {
        return facts.stream().filter(RegistryKey.class::isInstance).map(RegistryKey.class::cast).toList();
    }

    Optional<HostProfile> host() {
        return facts.stream().filter(HostProfile.class::isInstance).map(HostProfile.class::cast).findFirst();
    }

    /** The value {@code name} under {@code key}, which must be there exactly once. */
    RegistryValue value(String key, String name) {
        List<RegistryValue> found = values().stream()
                .filter(v -> v.sameKey(key) && v.name().equalsIgnoreCase(name)).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one value " + name + " under " + key + ", found " + found
                    + "; all values: " + values());
        }
        return found.get(0);
    }

    Optional<RegistryKey> key(String key) {
        return keys().stream().filter(k -> RegistryPaths.equal(k.key(), key)).findFirst();
    }
}
