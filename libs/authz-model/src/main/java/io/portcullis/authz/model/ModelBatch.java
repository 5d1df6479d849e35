package io.portcullis.authz.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The changes one consumed batch makes, read through to the store: a later event of the batch sees what an earlier one
 * changed. Written to the store in one atomic write with the batch's offsets ({@link ModelStore#apply}).
 */
final class ModelBatch {

    /** Map entries in key order, so every replica writes the same bytes for the same state and digests agree. */
    static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private final ModelReader store;
    private final Map<String, byte[]> changes = new LinkedHashMap<>();

    ModelBatch(ModelReader store) {
        this.store = store;
    }

    <T> Optional<T> get(String key, Class<T> type) {
        return raw(key).map(bytes -> store.decode(bytes, type));
    }

    Optional<String> text(String key) {
        return raw(key).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    void put(String key, Object value) {
        try {
            changes.put(key, value instanceof String s ? ModelStore.bytes(s) : JSON.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    void delete(String key) {
        changes.put(key, null);
    }

    /** Deletes every key starting with {@code prefix}, those this batch wrote included. */
    void deleteStartingWith(String prefix) {
        store.keysStartingWith(prefix).forEach(this::delete);
        changes.keySet().stream().filter(key -> key.startsWith(prefix)).toList().forEach(this::delete);
    }

    /** Changes the value at {@code key} if there is one; an event about something absent changes nothing. */
    <T> void update(String key, Class<T> type, UnaryOperator<T> change) {
        get(key, type).ifPresent(value -> put(key, change.apply(value)));
    }

    /** Changes the value at {@code key}, starting from {@code absent} when there is none. */
    <T> void upsert(String key, Class<T> type, T absent, UnaryOperator<T> change) {
        put(key, change.apply(get(key, type).orElse(absent)));
    }

    Map<String, byte[]> changes() {
        return changes;
    }

    private Optional<byte[]> raw(String key) {
        if (changes.containsKey(key)) {
            return Optional.ofNullable(changes.get(key));
        }
        return store.get(key);
    }

    static <T> T read(byte[] bytes, Class<T> type) {
        try {
            return JSON.readValue(bytes, type);
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable model value for " + type.getSimpleName(), e);
        }
    }
}
