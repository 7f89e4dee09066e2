package org.queqiao.messaging;

import org.queqiao.platform.problem.ProblemException;
import org.queqiao.platform.rate.TokenBucket;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Messages per member per second (chat.send-rate, bursts up to chat.send-burst), whatever device or
 * transport they come from: a flooding member is refused with rate_limited while everyone else is
 * served. Per node; memory bounded by clearing the table when a spray of members fills it.
 */
public final class SendRateLimit {
    private static final int MAX_MEMBERS = 200_000;
    private final int rate;
    private final int burst;
    private final Map<UUID, TokenBucket> buckets = new ConcurrentHashMap<>();

    public SendRateLimit(int rate, int burst) {
        this.rate = rate;
        this.burst = burst;
    }

    public void check(UUID memberId) {
        if (buckets.size() > MAX_MEMBERS) buckets.clear();
        long now = System.nanoTime();
        TokenBucket b = buckets.computeIfAbsent(memberId, k -> new TokenBucket(rate, burst, now));
        boolean ok;
        synchronized (b) {
            ok = b.tryTake(now);
        }
        if (!ok) throw ProblemException.tooManyRequests("rate_limited", "You are sending messages too fast; wait a moment", 1);
    }
}
