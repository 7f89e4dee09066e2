package org.queqiao.identity;

import org.queqiao.platform.problem.ProblemException;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits failed logins per client address (guessing across many accounts). Per-account lockout is
 * in the database so it holds across nodes; this per-address window is per node, which at worst
 * multiplies the allowance by the node count.
 */
final class LoginThrottle {
    private static final long WINDOW_MS = 60_000;
    private static final int MAX_TRACKED = 100_000;

    private final int maxPerMinute;
    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

    LoginThrottle(int maxPerMinute) {
        this.maxPerMinute = maxPerMinute;
    }

    void check(String ip, long nowMs) {
        Deque<Long> q = failures.get(key(ip));
        if (q == null) return;
        synchronized (q) {
            prune(q, nowMs);
            if (q.size() >= maxPerMinute) {
                long retry = Math.max(1, (q.peekFirst() + WINDOW_MS - nowMs) / 1000);
                throw ProblemException.tooManyRequests("login_throttled",
                        "Too many failed sign-ins from your address. Wait " + retry + " s and try again.", retry);
            }
        }
    }

    void recordFailure(String ip, long nowMs) {
        if (failures.size() > MAX_TRACKED) failures.clear(); // bounded memory under a spray from many addresses
        Deque<Long> q = failures.computeIfAbsent(key(ip), k -> new ArrayDeque<>());
        synchronized (q) {
            prune(q, nowMs);
            q.addLast(nowMs);
        }
    }

    private static void prune(Deque<Long> q, long nowMs) {
        while (!q.isEmpty() && q.peekFirst() < nowMs - WINDOW_MS) q.removeFirst();
    }

    private static String key(String ip) {
        return ip == null ? "?" : ip;
    }
}
