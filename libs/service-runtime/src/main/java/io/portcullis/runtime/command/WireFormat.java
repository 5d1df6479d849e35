package io.portcullis.runtime.command;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.portcullis.events.topics.Topic.OwningService;
import io.portcullis.iam.error.IamErrorCode;
import io.portcullis.iam.error.Rejection;
import io.portcullis.runtime.projection.ConsistencyToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Commands and replies on a service's own command and reply topics, as JSON.
 *
 * <p>These topics are internal to one service (its instances run the same or adjacent versions), so
 * they carry JSON rather than registered Avro: a value of a sealed family travels as
 * {@code {"type": "<record simple name>", "body": {...record components...}}}, read back by looking
 * the name up among the family's permitted records. No annotations are needed in the domain.
 * Unknown fields are ignored so a rolling upgrade may add fields. Events themselves go to the event
 * topic as Avro (see {@link EventCodec}); a reply repeats them as JSON for the waiting caller.
 */
final class WireFormat<C, E> {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final ObjectMapper CANONICAL = JSON.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final Map<String, Class<?>> commandTypes;
    private final Map<String, Class<?>> eventTypes;
    private final OwningService service;

    WireFormat(Class<C> commandFamily, Class<E> eventFamily, OwningService service) {
        this.commandTypes = permitted(commandFamily);
        this.eventTypes = permitted(eventFamily);
        this.service = service;
    }

    /** A command with what the writer needs besides it. */
    record CommandEnvelope<C>(C command, CommandMetadata metadata) {
    }

    /** What the writer answers: the events it committed (and where), or the rejection. */
    record Reply<E>(List<E> events, ConsistencyToken token, Rejection rejection) {
        static <E> Reply<E> accepted(List<E> events, ConsistencyToken token) {
            return new Reply<>(List.copyOf(events), token, null);
        }

        static <E> Reply<E> rejected(Rejection rejection) {
            return new Reply<>(List.of(), ConsistencyToken.NONE, rejection);
        }

        CommandResult<E> toResult() {
            return rejection == null ? new CommandResult.Accepted<>(events, token) : new CommandResult.Rejected<>(rejection);
        }
    }

    /** The command and its metadata; a keyed command without a request fingerprint gets its own ({@link CommandFingerprint}). */
    byte[] writeCommand(C command, CommandMetadata metadata) {
        CommandMetadata fingerprinted = metadata.idempotencyKey() != null && metadata.requestFingerprint() == null
                ? metadata.withRequestFingerprint(CommandFingerprint.of(command)) : metadata;
        ObjectNode root = JSON.createObjectNode();
        root.set("command", typed(command));
        root.set("metadata", JSON.valueToTree(fingerprinted));
        return bytes(root);
    }

    /** @throws IllegalArgumentException when the record is not a command with its metadata */
    CommandEnvelope<C> readCommand(byte[] value) {
        JsonNode root = tree(value);
        if (root == null || !root.hasNonNull("command") || !root.hasNonNull("metadata")) {
            throw new IllegalArgumentException("A command record needs a command and its metadata");
        }
        @SuppressWarnings("unchecked")
        C command = (C) untyped(root.get("command"), commandTypes);
        return new CommandEnvelope<>(command, convert(root.get("metadata"), CommandMetadata.class));
    }

    byte[] writeReply(Reply<E> reply) {
        ObjectNode root = JSON.createObjectNode();
        if (reply.rejection() != null) {
            root.put("code", reply.rejection().code().name());
            root.put("message", reply.rejection().message());
            if (reply.rejection().reason() != null) {
                root.put("reason", reply.rejection().reason());
            }
        } else {
            ArrayNode events = root.putArray("events");
            reply.events().forEach(e -> events.add(typed(e)));
            root.put("token", reply.token().toString());
        }
        return bytes(root);
    }

    Reply<E> readReply(byte[] value) {
        JsonNode root = tree(value);
        if (root.has("code")) {
            return Reply.rejected(new Rejection(IamErrorCode.valueOf(root.get("code").asText()), root.get("message").asText(),
                    root.hasNonNull("reason") ? root.get("reason").asText() : null));
        }
        List<E> events = new ArrayList<>();
        for (JsonNode event : root.get("events")) {
            @SuppressWarnings("unchecked")
            E e = (E) untyped(event, eventTypes);
            events.add(e);
        }
        return Reply.accepted(events, ConsistencyToken.parse(root.get("token").asText(), service));
    }

    /** The command as {@code {"type": ..., "body": ...}} with map entries sorted: the same command, the same text. */
    static String canonicalJson(Object command) {
        try {
            Map<String, Object> typed = new java.util.LinkedHashMap<>();
            typed.put("type", command.getClass().getSimpleName());
            typed.put("body", command);
            return CANONICAL.writeValueAsString(typed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode typed(Object value) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", value.getClass().getSimpleName());
        node.set("body", JSON.valueToTree(value));
        return node;
    }

    private static Object untyped(JsonNode node, Map<String, Class<?>> family) {
        String type = node.get("type").asText();
        Class<?> target = family.get(type);
        if (target == null) {
            throw new IllegalArgumentException("Unknown type '" + type + "' (known: " + family.keySet() + ")");
        }
        return convert(node.get("body"), target);
    }

    private static <T> T convert(JsonNode node, Class<T> type) {
        try {
            return JSON.treeToValue(node, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode tree(byte[] value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Class<?>> permitted(Class<?> family) {
        if (!family.isSealed()) {
            throw new IllegalArgumentException(family.getName() + " must be a sealed interface of records");
        }
        return Arrays.stream(family.getPermittedSubclasses())
                .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));
    }
}
