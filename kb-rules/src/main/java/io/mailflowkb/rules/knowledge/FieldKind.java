package io.mailflowkb.rules.knowledge;

/** What a fact field holds, which decides the operators it allows and how YAML operands are parsed. */
public enum FieldKind {
    TEXT, NUMBER, BOOLEAN, VERSION,
    /** one value of a closed vocabulary (an enum): an operand outside it is a validation error */
    CHOICE
}
