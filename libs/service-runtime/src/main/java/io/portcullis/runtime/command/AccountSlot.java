package io.portcullis.runtime.command;

import io.portcullis.runtime.command.WireFormat.Reply;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One account's committed state in its partition's writer: the state, its event count (the aggregate
 * version of its last event), and the replies to its most recent commands that carried an idempotency
 * key, so a retry is answered from the first decision.
 */
record AccountSlot<S, E>(S state, long version, LinkedHashMap<String, Remembered<E>> replies) {

    /** The reply to a keyed command, and the fingerprint of the request it answered (null when not recorded). */
    record Remembered<E>(Reply<E> reply, String requestFingerprint) {

        /** True unless both requests are known and differ: a retry of the same request. */
        boolean answers(String fingerprint) {
            return requestFingerprint == null || fingerprint == null || requestFingerprint.equals(fingerprint);
        }
    }

    static final int REPLIES_REMEMBERED_PER_ACCOUNT = 1000;

    static <S, E> AccountSlot<S, E> initial(S state) {
        return new AccountSlot<>(state, 0, recentReplies());
    }

    /** The same account after more events; the remembered replies go along. */
    AccountSlot<S, E> next(S state, long version) {
        return new AccountSlot<>(state, version, replies);
    }

    void remember(String idempotencyKey, Reply<E> reply, String requestFingerprint) {
        replies.put(idempotencyKey, new Remembered<>(reply, requestFingerprint));
    }

    private static <E> LinkedHashMap<String, Remembered<E>> recentReplies() {
        return new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Remembered<E>> eldest) {
                return size() > REPLIES_REMEMBERED_PER_ACCOUNT;
            }
        };
    }
}
