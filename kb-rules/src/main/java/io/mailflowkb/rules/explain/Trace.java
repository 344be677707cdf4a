package io.mailflowkb.rules.explain;

import java.util.List;

/**
 * What {@code --explain} shows, as data: every rule that fired, in firing order, and for every finding that did
 * not fire, why not. The engine records it; renderers (kb-cli) decide how it reads.
 *
 * @param fired    rule firings, in the order the engine fired them
 * @param notFired findings of the loaded knowledge that produced no hit, in knowledge order
 */
public record Trace(List<Firing> fired, List<NotFired> notFired) {

    public static final Trace NONE = new Trace(List.of(), List.of());

    public Trace {
        fired = List.copyOf(fired);
        notFired = List.copyOf(notFired);
    }
}
