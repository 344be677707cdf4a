package io.mailflowkb.plugins.input;

import java.io.IOException;

/** A walk limit stopped the inflation of an archive entry; the message says which limit and how to change it. */
public final class CapReachedException extends IOException {
    CapReachedException(String message) {
        super(message);
    }
}
