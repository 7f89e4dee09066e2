package org.queqiao.platform.rate;

/**
 * A rate limit: {@code rate} events per second with bursts up to {@code burst}. Not thread-safe: one
 * owner (a connection's event loop), or synchronise on it.
 */
public final class TokenBucket {
    private final double tokensPerNano;
    private final double burst;
    private double tokens;
    private long lastRefillNanos;

    public TokenBucket(int rate, int burst, long nowNanos) {
        this.tokensPerNano = rate / 1e9;
        this.burst = burst;
        this.tokens = burst;
        this.lastRefillNanos = nowNanos;
    }

    public boolean tryTake(long nowNanos) {
        tokens = Math.min(burst, tokens + (nowNanos - lastRefillNanos) * tokensPerNano);
        lastRefillNanos = nowNanos;
        if (tokens < 1) return false;
        tokens -= 1;
        return true;
    }
}
