package io.portcullis.identity.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.events.EventEnvelope;
import io.portcullis.identity.domain.AccountId;
import io.portcullis.identity.domain.IdentityEvent;
import io.portcullis.identity.domain.Tag;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class IdentityEventCodecTest {

    private static final AccountId ACCOUNT = new AccountId("123456789012");
    /** Avro keeps milliseconds ({@code timestamp-millis}), so the sample time has no finer part. */
    private static final Instant TIME = Instant.parse("2024-05-06T07:08:09.123Z");

    private final IdentityEventCodec codec = new IdentityEventCodec();

    /** One instance of every permitted event, built from its record components so a new event is covered at once. */
    static Stream<IdentityEvent> everyIdentityEvent() {
        return Arrays.stream(IdentityEvent.class.getPermittedSubclasses()).map(IdentityEventCodecTest::sample);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyIdentityEvent")
    void roundTripsEveryIdentityEventThroughAvroBytes(IdentityEvent event) throws IOException {
        // Given
        EventEnvelope envelope = envelopeFor(event);

        // When
        SpecificRecord avro = codec.toAvro(event, envelope);
        IdentityEvent back = codec.fromAvro(throughBytes(avro));

        // Then
        assertThat(avro.getSchema().getNamespace()).isEqualTo("io.portcullis.events.identity");
        assertThat(avro.getSchema().getName()).isEqualTo(event.getClass().getSimpleName());
        assertThat(avro.get(avro.getSchema().getField("envelope").pos())).isEqualTo(envelope);
        assertThat(back).isEqualTo(event);
    }

    private static EventEnvelope envelopeFor(IdentityEvent event) {
        return EventEnvelope.newBuilder()
                .setEventId("6f1c2a1e-8a5e-4c36-9a57-3b1d2f0c9e11")
                .setEventType(event.getClass().getSimpleName())
                .setAccountId(ACCOUNT.value())
                .setAggregateId(ACCOUNT.value())
                .setAggregateVersion(7L)
                .setTime(TIME)
                .setActor("arn:aws:iam::123456789012:root")
                .setRequestId("request-1")
                .setCorrelationId(null)
                .setSourceService(IdentityCommandModel.SERVICE_NAME)
                .build();
    }

    private static SpecificRecord throughBytes(SpecificRecord record) throws IOException {
        Schema schema = record.getSchema();
        SpecificData model = SpecificData.getForSchema(schema);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new SpecificDatumWriter<SpecificRecord>(schema, model).write(record, encoder);
        encoder.flush();
        return new SpecificDatumReader<SpecificRecord>(schema, schema, model)
                .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
    }

    private static IdentityEvent sample(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = sampleValue(components[i].getName(), components[i].getGenericType());
        }
        try {
            return (IdentityEvent) type.getDeclaredConstructor(types).newInstance(values);
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
        } else if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            Type element = list.getActualTypeArguments()[0];
            if (element == Tag.class) {
                return List.of(new Tag("team", "blue"), new Tag("cost-center", ""));
            } else if (element == String.class) {
                return List.of("team", "cost-center");
            }
        }
        throw new IllegalStateException("The codec test has no sample for component '" + name + "' of type " + type
                + "; add one");
    }
}
