package io.mailflowkb.cli.model;

import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The getter and setter of one command field, written out: what picocli's field binding does by reflection. Like
 * that binding, {@link #set} returns the previous value.
 *
 * @param <V> the field's type
 */
public final class Binding<V> implements IGetter, ISetter {

    private final Supplier<V> getter;
    private final Consumer<V> setter;

    private Binding(Supplier<V> getter, Consumer<V> setter) {
        this.getter = getter;
        this.setter = setter;
    }

    /** The binding of a field read with {@code getter} and written with {@code setter}. */
    public static <V> Binding<V> of(Supplier<V> getter, Consumer<V> setter) {
        return new Binding<>(getter, setter);
    }

    /**
     * {@code option} bound to this field as picocli binds an annotated one: of {@code type} (with the element, or
     * key and value, types of a collection or map), its current value as the initial value, read and written here.
     */
    public OptionSpec.Builder bind(OptionSpec.Builder option, Class<?> type, Class<?>... auxiliaryTypes) {
        option.type(type).initialValue(getter.get()).getter(this).setter(this);
        return auxiliaryTypes.length == 0 ? option : option.auxiliaryTypes(auxiliaryTypes);
    }

    /** {@code positional} bound to this field, as {@link #bind(OptionSpec.Builder, Class, Class[])} binds an option. */
    public PositionalParamSpec.Builder bind(PositionalParamSpec.Builder positional, Class<?> type,
            Class<?>... auxiliaryTypes) {
        positional.type(type).initialValue(getter.get()).getter(this).setter(this);
        return auxiliaryTypes.length == 0 ? positional : positional.auxiliaryTypes(auxiliaryTypes);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get() {
        return (T) getter.get();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T set(T value) {
        T previous = (T) getter.get();
        setter.accept((V) value);
        return previous;
    }
}
