package io.portcullis.runtime.command;

import io.portcullis.runtime.command.WireFormat.Reply;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The callers of one instance waiting for their commands' replies, by correlation id. The gateway
 * registers a caller before sending the command; the reply reader completes it from the replies
 * topic, or this instance's own writer completes it in memory once the command's transaction has
 * committed (the caller and the writer then share the JVM, so the topic's round trip buys nothing).
 */
final class PendingReplies<E> {

    private final Map<String, CompletableFuture<CommandResult<E>>> waiting = new ConcurrentHashMap<>();

    CompletableFuture<CommandResult<E>> register(String correlationId) {
        CompletableFuture<CommandResult<E>> result = new CompletableFuture<>();
        waiting.put(correlationId, result);
        return result;
    }

    /** How many callers wait now. */
    int size() {
        return waiting.size();
    }

    void forget(String correlationId) {
        waiting.remove(correlationId);
    }

    /** True while a caller of this instance waits for this reply (it may stop waiting at any time). */
    boolean awaits(String correlationId) {
        return waiting.containsKey(correlationId);
    }

    void complete(String correlationId, Reply<E> reply) {
        CompletableFuture<CommandResult<E>> caller = waiting.get(correlationId);
        if (caller != null) {
            caller.complete(reply.toResult());
        }
    }

    void fail(String correlationId, RuntimeException error) {
        CompletableFuture<CommandResult<E>> caller = waiting.get(correlationId);
        if (caller != null) {
            caller.completeExceptionally(error);
        }
    }
}
