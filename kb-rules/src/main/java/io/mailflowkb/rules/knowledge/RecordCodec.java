package io.mailflowkb.rules.knowledge;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compact binary form of the records a knowledge file parses into, written at build time and read at run time
 * instead of the YAML. Generic on purpose: it walks record components by reflection, so a field added to any
 * knowledge record travels without a change here. Values may be records, enums, lists, maps, strings, booleans
 * and numbers (the types Jackson gives an untyped YAML scalar); anything else fails the build by name.
 *
 * <p>Each record class is described once per stream by its component names; the reader checks them against the
 * class it has and refuses a stream written for another shape of the records ({@link IOException}), so a stale
 * form can only ever fall back to the YAML, never give different knowledge.
 */
final class RecordCodec {

    private static final int NULL = 0;
    private static final int STRING = 1;
    private static final int INT = 2;
    private static final int LONG = 3;
    private static final int DOUBLE = 4;
    private static final int BOOLEAN = 5;
    private static final int LIST = 6;
    private static final int MAP = 7;
    private static final int ENUM = 8;
    private static final int RECORD = 9;
    private static final int BIG_INTEGER = 10;
    private static final int BIG_DECIMAL = 11;

    private RecordCodec() {
    }

    /** Writes record graphs; one instance per stream (it numbers the record classes it has described). */
    static final class Writer {
        private final DataOutputStream out;
        private final Map<Class<?>, Integer> classes = new HashMap<>();

        Writer(DataOutputStream out) {
            this.out = out;
        }

        void write(Object value) throws IOException {
            if (value == null) {
                out.writeByte(NULL);
            } else if (value instanceof String s) {
                out.writeByte(STRING);
                text(s);
            } else if (value instanceof Integer i) {
                out.writeByte(INT);
                out.writeInt(i);
            } else if (value instanceof Long l) {
                out.writeByte(LONG);
                out.writeLong(l);
            } else if (value instanceof Double d) {
                out.writeByte(DOUBLE);
                out.writeDouble(d);
            } else if (value instanceof Boolean b) {
                out.writeByte(BOOLEAN);
                out.writeBoolean(b);
            } else if (value instanceof BigInteger b) {
                out.writeByte(BIG_INTEGER);
                text(b.toString());
            } else if (value instanceof BigDecimal b) {
                out.writeByte(BIG_DECIMAL);
                text(b.toString());
            } else if (value instanceof List<?> list) {
                out.writeByte(LIST);
                out.writeInt(list.size());
                for (Object o : list) {
                    write(o);
                }
            } else if (value instanceof Map<?, ?> map) {
                out.writeByte(MAP);
                out.writeInt(map.size());
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    write(e.getKey());
                    write(e.getValue());
                }
            } else if (value instanceof Enum<?> e) {
                out.writeByte(ENUM);
                text(e.getDeclaringClass().getName());
                text(e.name());
            } else if (value.getClass().isRecord()) {
                record(value);
            } else {
                throw new IOException("cannot pre-build a knowledge value of type " + value.getClass().getName()
                        + " (RecordCodec handles records, enums, lists, maps, strings, booleans and numbers)");
            }
        }

        private void record(Object value) throws IOException {
            Class<?> type = value.getClass();
            RecordComponent[] components = type.getRecordComponents();
            out.writeByte(RECORD);
            Integer known = classes.get(type);
            if (known != null) {
                out.writeInt(known);
            } else {
                classes.put(type, classes.size());
                out.writeInt(-1);
                text(type.getName());
                out.writeInt(components.length);
                for (RecordComponent c : components) {
                    text(c.getName());
                }
            }
            for (RecordComponent c : components) {
                try {
                    write(c.getAccessor().invoke(value));
                } catch (ReflectiveOperationException e) {
                    throw new IOException("cannot read " + type.getName() + "." + c.getName(), e);
                }
            }
        }

        private void text(String s) throws IOException {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            out.writeInt(bytes.length);
            out.write(bytes);
        }
    }

    /** Reads what a {@link Writer} wrote; one instance per stream. */
    static final class Reader {
        private final DataInputStream in;
        private final List<Shape> classes = new ArrayList<>();
        private final boolean directConstructors;

        Reader(DataInputStream in) {
            this(in, true);
        }

        /** With {@code directConstructors} false every record is built by reflection (to compare the two). */
        Reader(DataInputStream in, boolean directConstructors) {
            this.in = in;
            this.directConstructors = directConstructors;
        }

        Object read() throws IOException {
            int tag = in.readUnsignedByte();
            return switch (tag) {
                case NULL -> null;
                case STRING -> text();
                case INT -> in.readInt();
                case LONG -> in.readLong();
                case DOUBLE -> in.readDouble();
                case BOOLEAN -> in.readBoolean();
                case BIG_INTEGER -> new BigInteger(text());
                case BIG_DECIMAL -> new BigDecimal(text());
                case LIST -> {
                    int n = in.readInt();
                    List<Object> list = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        list.add(read());
                    }
                    yield Collections.unmodifiableList(list);
                }
                case MAP -> {
                    int n = in.readInt();
                    Map<Object, Object> map = new LinkedHashMap<>();
                    for (int i = 0; i < n; i++) {
                        map.put(read(), read());
                    }
                    yield Collections.unmodifiableMap(map);
                }
                case ENUM -> enumConstant(type(text()), text());
                case RECORD -> record();
                default -> throw new IOException("corrupt pre-built knowledge (tag " + tag + ")");
            };
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static Object enumConstant(Class<?> type, String name) throws IOException {
            try {
                return Enum.valueOf((Class) type, name);
            } catch (IllegalArgumentException | ClassCastException e) {
                throw new IOException("pre-built knowledge names an unknown constant " + type.getName() + "." + name);
            }
        }

        private Object record() throws IOException {
            int index = in.readInt();
            Shape shape;
            if (index < 0) {
                Class<?> type = type(text());
                String[] names = new String[in.readInt()];
                for (int i = 0; i < names.length; i++) {
                    names[i] = text();
                }
                shape = Shape.of(type, names, directConstructors);
                classes.add(shape);
            } else if (index < classes.size()) {
                shape = classes.get(index);
            } else {
                throw new IOException("corrupt pre-built knowledge (record class " + index + ")");
            }
            Object[] args = new Object[shape.arity()];
            for (int i = 0; i < args.length; i++) {
                args[i] = read();
            }
            try {
                return shape.direct() >= 0 ? KnowledgeRecords.construct(shape.direct(), args)
                        : shape.constructor().newInstance(args);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // a value of another type, a null primitive, a constructor that refuses: the form does not fit
                throw new IOException("pre-built knowledge does not fit " + shape.type().getName(), e);
            }
        }

        private static Class<?> type(String name) throws IOException {
            try {
                return Class.forName(name, false, RecordCodec.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IOException("pre-built knowledge names an unknown class " + name);
            }
        }

        private String text() throws IOException {
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /**
     * A record class whose components still have the names the stream was written with; built by its
     * {@link KnowledgeRecords} constructor when it has one ({@code direct} >= 0), else by reflection.
     */
    private record Shape(Class<?> type, Constructor<?> constructor, int direct, int arity) {
        static Shape of(Class<?> type, String[] names, boolean directConstructors) throws IOException {
            RecordComponent[] components = type.isRecord() ? type.getRecordComponents() : null;
            if (components == null || !Arrays.equals(names,
                    Arrays.stream(components).map(RecordComponent::getName).toArray(String[]::new))) {
                throw new IOException("pre-built knowledge was written for another version of " + type.getName());
            }
            int direct = directConstructors ? KnowledgeRecords.index(type) : -1;
            if (direct >= 0) {
                return new Shape(type, null, direct, components.length);
            }
            try {
                Constructor<?> c = type.getDeclaredConstructor(
                        Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
                return new Shape(type, c, -1, components.length);
            } catch (NoSuchMethodException e) {
                throw new IOException("no canonical constructor in " + type.getName(), e);
            }
        }
    }
}
