package io.portcullis.authz.model;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.portcullis.policylang.compile.CompiledPolicy;
import io.portcullis.policylang.compile.PolicyCompiler;
import io.portcullis.policylang.validate.PolicyKind;

/**
 * Compiled policies by kind and text, at most {@code capacity} of them, the least useful dropped first: a document
 * shared by many principals (an AWS managed policy, a group's) is compiled once, and memory stays bounded however
 * many distinct documents the model holds. Concurrent: every request thread looks policies up at once.
 */
final class PolicyCache {

    private record Key(PolicyKind kind, String text) {
    }

    private final Cache<Key, CompiledPolicy> compiled;

    PolicyCache(int capacity) {
        this.compiled = Caffeine.newBuilder().maximumSize(capacity).build();
    }

    CompiledPolicy compile(String text, PolicyKind kind) {
        return compiled.get(new Key(kind, text), key -> PolicyCompiler.compile(key.text(), key.kind()));
    }
}
