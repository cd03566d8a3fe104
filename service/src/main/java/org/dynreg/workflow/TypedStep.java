package org.dynreg.workflow;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A case step that takes and returns records: the step reads the process variables it needs as the
 * components of its input record (by name, e.g. {@code long caseId}, {@code Long changeId},
 * {@code String approvedBy}) and answers with an output record whose components become the task's outputs.
 * The process's other inputs ({@code TaskName}, {@code Step}) are not the step's business and are ignored.
 * A primitive component the process does not pass is a broken process file, refused naming the step and input.
 *
 * @param <I> the step's inputs
 * @param <O> the step's outputs ({@link None} for a step that answers nothing)
 */
public abstract class TypedStep<I extends Record, O extends Record> implements CaseStep {

    /** The outputs of a step that answers nothing. */
    public record None() {
        public static final None NONE = new None();
    }

    /** The inputs of a step that needs nothing but its case. */
    public record CaseOnly(long caseId) {}

    private final String name;
    private final Class<I> inputType;

    protected TypedStep(String name, Class<I> inputType) {
        this.name = name;
        this.inputType = inputType;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Map<String, Object> run(Map<String, Object> inputs) {
        return outputs(apply(inputs(inputs)));
    }

    /** Runs the step in the transaction of the engine call that reached it. */
    protected abstract O apply(I input);

    private I inputs(Map<String, Object> given) {
        RecordComponent[] components = inputType.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = value(components[i], given.get(components[i].getName()));
        }
        try {
            Constructor<I> canonical = inputType.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            canonical.setAccessible(true);
            return canonical.newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("step " + name + " could not read its inputs", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("step " + name + " could not read its inputs", e);
        }
    }

    private Object value(RecordComponent c, Object v) {
        Class<?> type = c.getType();
        if (v == null) {
            if (type.isPrimitive()) {
                throw new IllegalStateException("the process passes no " + c.getName() + " to step " + name);
            }
            return null;
        }
        if (type == long.class || type == Long.class) {
            return v instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(v).strip());
        }
        if (type == int.class || type == Integer.class) {
            return v instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(v).strip());
        }
        if (type == boolean.class || type == Boolean.class) {
            return v instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(v).strip());
        }
        if (type == String.class) {
            return String.valueOf(v);
        }
        return v;
    }

    private static Map<String, Object> outputs(Record out) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (out == null) {
            return map;
        }
        for (RecordComponent c : out.getClass().getRecordComponents()) {
            try {
                c.getAccessor().setAccessible(true);
                Object v = c.getAccessor().invoke(out);
                if (v != null) {
                    map.put(c.getName(), v);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("outputs of " + out.getClass().getSimpleName() + " are not readable", e);
            }
        }
        return map;
    }
}
