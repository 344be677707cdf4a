/**
 * The registry collector: .reg exports and {@code reg query} output to {@code RegistryKey}, {@code RegistryValue}
 * and {@code HostProfile} facts. Entry point {@link io.mailflowkb.plugins.registry.RegistryCollector}; the rest is
 * package-private. Parsing follows what an import would actually apply (Wine/ReactOS semantics,
 * [S71] in docs/sources.md), so a fact means "this value is set by / shown in this input", and anything an import would drop is a
 * warning instead.
 */
package io.mailflowkb.plugins.registry;
