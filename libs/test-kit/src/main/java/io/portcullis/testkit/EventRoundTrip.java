package io.portcullis.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.portcullis.events.EventEnvelope;
import io.portcullis.iam.AccountId;
import io.portcullis.iam.Tag;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.DynamicTest;

/**
 * Every event of a service survives the trip to Avro bytes and back unchanged, in its service's schema
 * group and under its own name. One sample per permitted event record, built from its components, so an
 * event added to the family is covered at once:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> roundTripsEveryIdentityEventThroughAvroBytes() {
 *     var codec = IdentityRuntime.model(1).events();
 *     return EventRoundTrip.everyEvent(IdentityEvent.class, "io.portcullis.events.identity", codec::toAvro, codec::fromAvro);
 * }
 * }</pre>
 */
public final class EventRoundTrip {

    static final AccountId ACCOUNT = new AccountId("123456789012");
    /** Avro keeps milliseconds ({@code timestamp-millis}), so the sample time has no finer part. */
    static final Instant TIME = Instant.parse("2024-05-06T07:08:09.123Z");

    private EventRoundTrip() {
    }

    public static <E> Stream<DynamicTest> everyEvent(Class<E> family, String avroNamespace,
                                                     BiFunction<E, EventEnvelope, SpecificRecord> toAvro,
                                                     Function<SpecificRecord, E> fromAvro) {
        return Arrays.stream(family.getPermittedSubclasses()).map(type -> DynamicTest.dynamicTest(type.getSimpleName(), () -> {
            // Given
            E event = family.cast(sample(type));
            EventEnvelope envelope = envelopeFor(type);

            // When
            SpecificRecord avro = toAvro.apply(event, envelope);
            E back = fromAvro.apply(throughBytes(avro));

            // Then
            assertEquals(avroNamespace, avro.getSchema().getNamespace());
            assertEquals(type.getSimpleName(), avro.getSchema().getName());
            assertEquals(envelope, avro.get(avro.getSchema().getField("envelope").pos()));
            assertEquals(event, back);
        }));
    }

    private static EventEnvelope envelopeFor(Class<?> type) {
        return envelope(type.getSimpleName());
    }

    /**
     * A fixed envelope of account {@code 123456789012}, for tests that build another service's Avro events
     * by hand (a fold of foreign facts, a reaction).
     */
    public static EventEnvelope envelope(String eventType) {
        return EventEnvelope.newBuilder()
                .setEventId("6f1c2a1e-8a5e-4c36-9a57-3b1d2f0c9e11")
                .setEventType(eventType)
                .setAccountId(ACCOUNT.value())
                .setAggregateId(ACCOUNT.value())
                .setAggregateVersion(7L)
                .setTime(TIME)
                .setActor(ACCOUNT.rootArn())
                .setRequestId("request-1")
                .setCorrelationId(null)
                .setSourceService("test-service")
                .build();
    }

    private static SpecificRecord throughBytes(SpecificRecord record) {
        try {
            Schema schema = record.getSchema();
            SpecificData model = SpecificData.getForSchema(schema);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
            new SpecificDatumWriter<SpecificRecord>(schema, model).write(record, encoder);
            encoder.flush();
            return new SpecificDatumReader<SpecificRecord>(schema, schema, model)
                    .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object sample(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = sampleValue(components[i].getName(), components[i].getGenericType());
        }
        try {
            return type.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build a sample " + type.getSimpleName(), e);
        }
    }

    private static Object sampleValue(String name, Type type) {
        if (type == AccountId.class) {
            return ACCOUNT;
        } else if (type == String.class) {
            return name + "-value";
        } else if (type == Instant.class) {
            return TIME;
        } else if (type == long.class || type == Long.class) {
            return 42L;
        } else if (type == int.class || type == Integer.class) {
            return 7;
        } else if (type == boolean.class || type == Boolean.class) {
            return true;
        } else if (type instanceof Class<?> enumType && enumType.isEnum()) {
            return enumType.getEnumConstants()[enumType.getEnumConstants().length - 1];
        } else if (type instanceof Class<?> recordType && recordType.isRecord()) {
            return sample(recordType);
        } else if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            Type element = list.getActualTypeArguments()[0];
            if (element == Tag.class) {
                return List.of(new Tag("team", "blue"), new Tag("cost-center", ""));
            } else if (element == String.class) {
                return List.of("team", "cost-center");
            }
            return List.of(sampleValue(name, element), sampleValue(name, element));
        } else if (type instanceof ParameterizedType map && map.getRawType() == Map.class) {
            return Map.of("key", sampleValue(name, map.getActualTypeArguments()[1]));
        }
        throw new IllegalStateException("The round trip has no sample for component '" + name + "' of type " + type
                + "; add one");
    }
}
