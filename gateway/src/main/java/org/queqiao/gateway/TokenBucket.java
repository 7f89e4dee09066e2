package org.queqiao.gateway;

/** Inbound rate limit of one connection: {@code rate} frames per second with bursts up to {@code burst}. */
final class TokenBucket {
    private final double tokensPerNano;
    private final double burst;
    private double tokens;
    private long lastRefillNanos;

    TokenBucket(int rate, int burst, long nowNanos) {
        this.tokensPerNano = rate / 1e9;
        this.burst = burst;
        this.tokens = burst;
        this.lastRefillNanos = nowNanos;
    }

    boolean tryTake(long nowNanos) {
        tokens = Math.min(burst, tokens + (nowNanos - lastRefillNanos) * tokensPerNano);
        lastRefillNanos = nowNanos;
        if (tokens < 1) return false;
        tokens -= 1;
        return true;
    }
}
