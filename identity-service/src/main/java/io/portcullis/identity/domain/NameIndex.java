package io.portcullis.identity.domain;

import java.util.Iterator;
import java.util.Optional;

/**
 * Users or groups of a directory, found by name ignoring case or by id: two persistent maps (name key to
 * entity, id to name key) that change together.
 */
final class NameIndex<T> {

    private static final NameIndex<?> EMPTY = new NameIndex<>(PersistentTreeMap.empty(), PersistentTreeMap.empty());

    private final PersistentTreeMap<T> byKey;
    private final PersistentTreeMap<String> keyById;

    private NameIndex(PersistentTreeMap<T> byKey, PersistentTreeMap<String> keyById) {
        this.byKey = byKey;
        this.keyById = keyById;
    }

    @SuppressWarnings("unchecked")
    static <T> NameIndex<T> empty() {
        return (NameIndex<T>) EMPTY;
    }

    Optional<T> byName(String name) {
        return Optional.ofNullable(byKey.get(IdentityState.nameKey(name)));
    }

    Optional<T> byId(String id) {
        return Optional.ofNullable(keyById.get(id)).map(byKey::get);
    }

    int size() {
        return byKey.size();
    }

    /** Entities in name-key order after {@code afterKey} ({@code null}: from the first). */
    Iterator<T> after(String afterKey) {
        return byKey.valuesFrom(afterKey, false);
    }

    /** Adds the entity, or replaces the one with the same id (dropping its old name if renamed). */
    NameIndex<T> put(String id, String name, T entity) {
        String oldKey = keyById.get(id);
        PersistentTreeMap<T> entities = oldKey == null ? byKey : byKey.remove(oldKey);
        String key = IdentityState.nameKey(name);
        return new NameIndex<>(entities.put(key, entity), keyById.put(id, key));
    }

    NameIndex<T> remove(String id) {
        String key = keyById.get(id);
        return key == null ? this : new NameIndex<>(byKey.remove(key), keyById.remove(id));
    }
}
