package io.portcullis.iam.persistent;

import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;

/**
 * IAM entities (users, groups, policies…) of one account, found by name ignoring case or by id: two
 * persistent maps (name key to entity, id to name key) that change together. IAM names are unique
 * ignoring case but keep their spelling; ids never change, so a rename moves the entity to its new key.
 */
public final class NameIndex<T> {

    private static final NameIndex<?> EMPTY = new NameIndex<>(PersistentTreeMap.empty(), PersistentTreeMap.empty());

    private final PersistentTreeMap<T> byKey;
    private final PersistentTreeMap<String> keyById;

    private NameIndex(PersistentTreeMap<T> byKey, PersistentTreeMap<String> keyById) {
        this.byKey = byKey;
        this.keyById = keyById;
    }

    @SuppressWarnings("unchecked")
    public static <T> NameIndex<T> empty() {
        return (NameIndex<T>) EMPTY;
    }

    public Optional<T> byName(String name) {
        return Optional.ofNullable(byKey.get(nameKey(name)));
    }

    public Optional<T> byId(String id) {
        return Optional.ofNullable(keyById.get(id)).map(byKey::get);
    }

    public int size() {
        return byKey.size();
    }

    /** Entities in name-key order after {@code afterKey} ({@code null}: from the first). */
    public Iterator<T> after(String afterKey) {
        return byKey.valuesFrom(afterKey, false);
    }

    /** Adds the entity, or replaces the one with the same id (dropping its old name if renamed). */
    public NameIndex<T> put(String id, String name, T entity) {
        String oldKey = keyById.get(id);
        PersistentTreeMap<T> entities = oldKey == null ? byKey : byKey.remove(oldKey);
        String key = nameKey(name);
        return new NameIndex<>(entities.put(key, entity), keyById.put(id, key));
    }

    public NameIndex<T> remove(String id) {
        String key = keyById.get(id);
        return key == null ? this : new NameIndex<>(byKey.remove(key), keyById.remove(id));
    }

    /** The sort and uniqueness key of an IAM name: the name lower-cased. */
    public static String nameKey(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
