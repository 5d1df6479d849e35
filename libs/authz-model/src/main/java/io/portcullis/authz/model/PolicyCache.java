package io.portcullis.authz.model;

import io.portcullis.policylang.compile.CompiledPolicy;
import io.portcullis.policylang.compile.PolicyCompiler;
import io.portcullis.policylang.validate.PolicyKind;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Compiled policies by kind and text, at most {@code capacity} of them, least recently used dropped first: a
 * document shared by many principals (an AWS managed policy, a group's) is compiled once, and memory stays bounded
 * however many distinct documents the model holds.
 */
final class PolicyCache {

    private record Key(PolicyKind kind, String text) {
    }

    private final Map<Key, CompiledPolicy> compiled;

    PolicyCache(int capacity) {
        this.compiled = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, CompiledPolicy> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized CompiledPolicy compile(String text, PolicyKind kind) {
        return compiled.computeIfAbsent(new Key(kind, text), key -> PolicyCompiler.compile(key.text(), key.kind()));
    }
}
