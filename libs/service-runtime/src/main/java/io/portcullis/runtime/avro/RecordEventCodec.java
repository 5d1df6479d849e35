package io.portcullis.runtime.avro;

import io.portcullis.events.EventEnvelope;
import io.portcullis.iam.AccountId;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Maps domain event records to the Avro records generated from {@code event-schemas} by name: the domain
 * record {@code UserCreated} of a service is the Avro record {@code UserCreated} in that service's namespace
 * ({@code io.portcullis.events.identity}), and each record component is the Avro field of the same name.
 *
 * <p>The rules, so a service writes its events and schemas and nothing in between:
 * <ul>
 *   <li>The Avro {@code envelope} field carries the envelope; a domain component {@code AccountId accountId}
 *       with no Avro field of that name comes from the envelope's account id (it is the Kafka key too).</li>
 *   <li>Values convert by shape: nested records by name (a domain {@code Tag} to the Avro {@code Tag}), lists
 *       element by element, enums by constant name, {@code AccountId} to and from its digits, strings,
 *       numbers, booleans and {@code Instant} ({@code timestamp-millis}) as they are.</li>
 *   <li>An Avro field the domain record lacks is written with its schema default, so a schema may grow
 *       (with a default, as the BACKWARD rule demands) before the domain uses the field.</li>
 * </ul>
 * Every permitted event is checked when the codec is made, so a missing schema or a misnamed component
 * fails at start-up, not on the first event of its kind.
 */
public final class RecordEventCodec<E> implements EventCodec<E> {

    private static final SpecificData AVRO = new SpecificData(EventEnvelope.class.getClassLoader());

    private final Class<E> family;
    private final Map<Class<?>, RecordMapping> toAvro = new HashMap<>();
    private final Map<Class<?>, RecordMapping> fromAvro = new HashMap<>();

    private RecordEventCodec(Class<E> family, String avroNamespace) {
        if (!family.isSealed()) {
            throw new IllegalArgumentException(family.getName() + " must be a sealed interface of records");
        }
        this.family = family;
        for (Class<?> event : family.getPermittedSubclasses()) {
            Class<?> avro = avroClass(avroNamespace + "." + event.getSimpleName());
            RecordMapping mapping = RecordMapping.of(event, avro, true);
            toAvro.put(event, mapping);
            fromAvro.put(avro, mapping);
        }
    }

    /**
     * The codec of a sealed family of event records whose Avro records live in {@code avroNamespace}
     * (the service's schema group, e.g. {@code io.portcullis.events.identity}).
     */
    public static <E> RecordEventCodec<E> of(Class<E> family, String avroNamespace) {
        return new RecordEventCodec<>(family, avroNamespace);
    }

    @Override
    public Class<E> eventType() {
        return family;
    }

    @Override
    public SpecificRecord toAvro(E event, EventEnvelope envelope) {
        RecordMapping mapping = toAvro.get(event.getClass());
        if (mapping == null) {
            throw new IllegalStateException("No Avro mapping for event " + event.getClass().getName());
        }
        return mapping.toAvro(event, envelope);
    }

    @Override
    public E fromAvro(SpecificRecord record) {
        RecordMapping mapping = fromAvro.get(record.getClass());
        if (mapping == null) {
            throw new IllegalArgumentException("Not an event of " + family.getSimpleName() + ": " + record.getSchema().getFullName());
        }
        return family.cast(mapping.fromAvro(record, EventAvro.envelopeOf(record)));
    }

    private static Class<?> avroClass(String name) {
        try {
            return Class.forName(name, true, EventEnvelope.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("No Avro schema " + name + " in event-schemas for the domain event of that name", e);
        }
    }

    /** How one domain record and one Avro record map onto each other, worked out once. */
    private static final class RecordMapping {
        private final Class<?> avroClass;
        private final Schema schema;
        private final Constructor<?> canonical;
        /** In Avro field order: the domain accessor for each field, or null for the envelope / a defaulted field. */
        private final List<FieldWrite> writes = new ArrayList<>();
        /** In component order: how each constructor argument is read. */
        private final List<ComponentRead> reads = new ArrayList<>();

        private record FieldWrite(Schema.Field field, Method accessor, Type domainType, boolean envelope) {
        }

        private record ComponentRead(Schema.Field field, Type domainType, boolean accountFromEnvelope) {
        }

        private RecordMapping(Class<?> domain, Class<?> avroClass, boolean topLevel) {
            if (!domain.isRecord()) {
                throw new IllegalArgumentException(domain.getName() + " must be a record to map to " + avroClass.getName());
            }
            this.avroClass = avroClass;
            this.schema = AVRO.getSchema(avroClass);
            RecordComponent[] components = domain.getRecordComponents();
            Map<String, RecordComponent> byName = new LinkedHashMap<>();
            Arrays.stream(components).forEach(c -> byName.put(c.getName(), c));
            for (Schema.Field field : schema.getFields()) {
                boolean envelope = topLevel && field.name().equals("envelope");
                RecordComponent component = byName.get(field.name());
                if (!envelope && component == null && !field.hasDefaultValue()) {
                    throw new IllegalStateException(avroClass.getName() + "." + field.name() + " has no default and "
                            + domain.getName() + " has no component of that name");
                }
                writes.add(new FieldWrite(field, component == null ? null : component.getAccessor(),
                        component == null ? null : component.getGenericType(), envelope));
            }
            for (RecordComponent component : components) {
                Schema.Field field = schema.getField(component.getName());
                boolean fromEnvelope = topLevel && field == null && component.getName().equals("accountId")
                        && component.getType() == AccountId.class;
                if (field == null && !fromEnvelope) {
                    throw new IllegalStateException(domain.getName() + "." + component.getName() + " has no field of that name in "
                            + avroClass.getName());
                }
                reads.add(new ComponentRead(field, component.getGenericType(), fromEnvelope));
            }
            try {
                this.canonical = domain.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
                this.canonical.setAccessible(true);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("No canonical constructor on " + domain.getName(), e);
            }
        }

        private static final Map<Class<?>, RecordMapping> NESTED = new ConcurrentHashMap<>();

        static RecordMapping of(Class<?> domain, Class<?> avroClass, boolean topLevel) {
            return topLevel ? new RecordMapping(domain, avroClass, true)
                    : NESTED.computeIfAbsent(domain, d -> new RecordMapping(d, avroClass, false));
        }

        SpecificRecord toAvro(Object domain, EventEnvelope envelope) {
            SpecificRecord avro = (SpecificRecord) SpecificData.newInstance(avroClass, schema);
            for (FieldWrite write : writes) {
                Object value;
                if (write.envelope()) {
                    value = envelope;
                } else if (write.accessor() == null) {
                    value = AVRO.getDefaultValue(write.field());
                } else {
                    value = toAvroValue(invoke(write.accessor(), domain), write.field().schema());
                }
                avro.put(write.field().pos(), value);
            }
            return avro;
        }

        Object fromAvro(SpecificRecord avro, EventEnvelope envelope) {
            Object[] arguments = new Object[reads.size()];
            for (int i = 0; i < arguments.length; i++) {
                ComponentRead read = reads.get(i);
                arguments[i] = read.accountFromEnvelope()
                        ? new AccountId(envelope.getAccountId())
                        : toDomainValue(avro.get(read.field().pos()), read.domainType());
            }
            try {
                return canonical.newInstance(arguments);
            } catch (InvocationTargetException e) {
                throw new IllegalArgumentException("The event " + schema.getName() + " does not make a valid "
                        + canonical.getDeclaringClass().getSimpleName() + ": " + e.getCause().getMessage(), e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        private static Object invoke(Method accessor, Object target) {
            try {
                return accessor.invoke(target);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static Object toAvroValue(Object value, Schema schema) {
        if (value == null) {
            return null;
        }
        switch (schema.getType()) {
            case UNION:
                Schema branch = schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).findFirst().orElseThrow();
                return toAvroValue(value, branch);
            case RECORD:
                return RecordMapping.of(value.getClass(), AVRO.getClass(schema), false).toAvro(value, null);
            case ARRAY:
                List<Object> items = new ArrayList<>();
                for (Object item : (List<?>) value) {
                    items.add(toAvroValue(item, schema.getElementType()));
                }
                return items;
            case MAP:
                Map<String, Object> entries = new LinkedHashMap<>();
                ((Map<?, ?>) value).forEach((k, v) -> entries.put(k.toString(), toAvroValue(v, schema.getValueType())));
                return entries;
            case ENUM:
                return AVRO.createEnum(((Enum<?>) value).name(), schema);
            case STRING:
                return value instanceof AccountId account ? account.value() : value.toString();
            default:
                return value;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object toDomainValue(Object value, Type type) {
        if (value == null) {
            return null;
        }
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw)) {
                List<Object> items = new ArrayList<>();
                for (Object item : (List<?>) value) {
                    items.add(toDomainValue(item, arguments[0]));
                }
                return List.copyOf(items);
            }
            if (Map.class.isAssignableFrom(raw)) {
                Map<String, Object> entries = new LinkedHashMap<>();
                ((Map<?, ?>) value).forEach((k, v) -> entries.put(k.toString(), toDomainValue(v, arguments[1])));
                return Map.copyOf(entries);
            }
            throw new IllegalStateException("No mapping for " + type);
        }
        Class<?> target = (Class<?>) type;
        if (target == String.class) {
            return value.toString();
        }
        if (target == AccountId.class) {
            return new AccountId(value.toString());
        }
        if (target.isEnum()) {
            return Enum.valueOf((Class<Enum>) target, value.toString());
        }
        if (target.isRecord() && value instanceof SpecificRecord nested) {
            return RecordMapping.of(target, nested.getClass(), false).fromAvro(nested, null);
        }
        return value;
    }
}
