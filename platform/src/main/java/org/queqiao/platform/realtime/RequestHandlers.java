package org.queqiao.platform.realtime;

import org.queqiao.platform.bus.Topics;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The operations clients may request over the realtime connection, by name (e.g. {@code chat.send}). */
public final class RequestHandlers {
    private final Map<String, RequestHandler> byOp = new ConcurrentHashMap<>();

    /** @throws IllegalStateException if the operation is registered already */
    public void register(String op, RequestHandler handler) {
        Topics.requireValid(op);
        if (byOp.putIfAbsent(op, handler) != null) throw new IllegalStateException("operation registered twice: " + op);
    }

    /** @return the handler, or null for an operation nobody registered */
    public RequestHandler find(String op) {
        return byOp.get(op);
    }

    public Set<String> ops() {
        return Set.copyOf(byOp.keySet());
    }
}
