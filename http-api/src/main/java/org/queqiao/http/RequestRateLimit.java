package org.queqiao.http;

import io.javalin.http.Context;
import org.queqiao.platform.problem.ProblemException;
import org.queqiao.platform.rate.TokenBucket;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests per client address: a flood from one address gets 429 problems while everyone else is
 * served. Per node; bounded memory (the table is cleared if a spray of addresses fills it).
 */
final class RequestRateLimit {
    private static final int MAX_ADDRESSES = 100_000;

    private final int rate;
    private final int burst;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    RequestRateLimit(int rate, int burst) {
        this.rate = rate;
        this.burst = burst;
    }

    void check(Context ctx) {
        if (rate <= 0) return;
        if (buckets.size() > MAX_ADDRESSES) buckets.clear();
        long now = System.nanoTime();
        TokenBucket b = buckets.computeIfAbsent(ctx.ip(), k -> new TokenBucket(rate, burst, now));
        boolean ok;
        synchronized (b) {
            ok = b.tryTake(now);
        }
        if (!ok) throw ProblemException.tooManyRequests("rate_limited", "Too many requests from your address; slow down and retry in a second", 1);
    }
}
