/**
 * The parts of a picocli command model written in code instead of read from annotations: {@code kb},
 * {@code kb diagnose} and {@code kb collect} (with their shared input options) are on the path of every diagnosis,
 * and picocli's reflection over annotations (a dynamic proxy class per annotation type, a reflective accessor per
 * field) cost about three times what building the same model in code does on a cold JVM (docs/perf.md, Start-up).
 * The other commands keep their annotations; they are built only when named, for help or for completion.
 */
package io.mailflowkb.cli.model;
