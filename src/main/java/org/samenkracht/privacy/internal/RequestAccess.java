package org.samenkracht.privacy.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What one request has decided and must still write to the audit log. The access gate asks the
 * database once per person a request touches and remembers the answer for the rest of the request;
 * the audit rows it owes are collected here, one per (person, part, kind), and written in one
 * batched insert when the request's transaction commits ({@link OneDecisionPerRequest}). Outside a
 * request (demo data, background work, tests that call a module directly) there is none, and the
 * gate decides and writes at once.
 */
public final class RequestAccess {

    private static final ThreadLocal<RequestAccess> CURRENT = new ThreadLocal<>();

    private final Map<Object, Object> facts = new HashMap<>();
    private final Map<List<Object>, AuditTrail.Row> pending = new LinkedHashMap<>();

    public static Optional<RequestAccess> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    static RequestAccess open() {
        RequestAccess scope = new RequestAccess();
        CURRENT.set(scope);
        return scope;
    }

    static void close() {
        CURRENT.remove();
    }

    /** The facts for a key (who asks about which person), read at most once per request. */
    @SuppressWarnings("unchecked")
    public <K, V> V facts(K key, Function<K, V> read) {
        return (V) facts.computeIfAbsent(key, k -> read.apply((K) k));
    }

    /** Remembers facts read for many keys in one query. */
    public boolean knows(Object key) {
        return facts.containsKey(key);
    }

    public void remember(Object key, Object value) {
        facts.put(key, value);
    }

    /** Forgets the facts of these keys: they changed within this request and are decided afresh. */
    public void forget(java.util.function.Predicate<Object> keys) {
        facts.keySet().removeIf(keys);
    }

    void owe(AuditTrail.Row row) {
        pending.putIfAbsent(row.key(), row);
    }

    /** Takes the rows owed so far; those that must outlive a rollback only, when {@code refusalsOnly}. */
    List<AuditTrail.Row> take(boolean refusalsOnly) {
        List<AuditTrail.Row> rows = new ArrayList<>();
        pending.values().removeIf(r -> {
            if (!refusalsOnly || r.refusal()) {
                rows.add(r);
                return true;
            }
            return false;
        });
        return rows;
    }

    boolean owesAnything() {
        return !pending.isEmpty();
    }
}
