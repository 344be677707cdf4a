package io.mailflowkb.model.fact;

/**
 * A registry key the input shows. Its presence tells the rules that the input covered this key; with
 * {@code subtree} it also covered every subkey, so a subkey that does not appear is known to be absent
 * (which means "the Windows default" for SChannel protocol keys).
 *
 * @param key     full path with the root abbreviated ({@code HKLM\SYSTEM\...}); compare with {@link #sameKey}
 * @param deleted the input deletes the key ({@code [-HKLM\...]} in a .reg file): it is known to be absent
 * @param subtree the input lists the whole subtree below this key (regedit and {@code reg export} do;
 *                {@code reg query} without {@code /s} does not)
 */
public record RegistryKey(String key, boolean deleted, boolean subtree, Provenance source) implements Fact {

    public RegistryKey {
        key = RegistryPaths.canonical(key);
    }

    /** Whether this key, as exported, lets one decide if {@code otherKey} exists. */
    public boolean covers(String otherKey) {
        String other = RegistryPaths.canonical(otherKey);
        if (RegistryPaths.equal(key, other)) {
            return true;
        }
        return (subtree || deleted) && RegistryPaths.isAncestor(key, other);
    }

    public boolean sameKey(String otherKey) {
        return RegistryPaths.equal(key, otherKey);
    }

    @Override
    public String describe() {
        return (deleted ? "deleted key " : "key ") + RegistryPaths.shortName(key);
    }
}
