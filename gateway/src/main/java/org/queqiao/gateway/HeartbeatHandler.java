package org.queqiao.gateway;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sits first in the pipeline so any inbound byte (a frame, a pong, a client ping) counts as a sign
 * of life. After heartbeat-interval without one it pings (again every interval); after idle-timeout
 * it closes. One timer per connection, rescheduled to exactly when the next decision is due.
 */
final class HeartbeatHandler extends ChannelInboundHandlerAdapter {
    private final long intervalNanos;
    private final long idleTimeoutNanos;
    private final ClientConnection connection;
    private ChannelHandlerContext ctx;
    private long lastReadNanos;
    private ScheduledFuture<?> timer;

    HeartbeatHandler(GatewaySettings settings, ClientConnection connection) {
        this.intervalNanos = settings.heartbeatInterval().toNanos();
        this.idleTimeoutNanos = settings.idleTimeout().toNanos();
        this.connection = connection;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        lastReadNanos = System.nanoTime();
        schedule(intervalNanos);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        lastReadNanos = System.nanoTime();
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (timer != null) timer.cancel(false);
        ctx.fireChannelInactive();
    }

    private void check() {
        if (!ctx.channel().isActive()) return;
        long idle = System.nanoTime() - lastReadNanos;
        if (idle >= idleTimeoutNanos) {
            connection.disconnect(ErrorCode.IDLE_TIMEOUT, ErrorCode.IDLE_TIMEOUT.defaultMessage());
            return;
        }
        if (idle >= intervalNanos) {
            // from the tail, so the frame passes the WebSocket encoder that sits after this handler
            ctx.channel().writeAndFlush(new PingWebSocketFrame(), ctx.voidPromise());
        }
        long untilPing = idle < intervalNanos ? intervalNanos - idle : intervalNanos;
        schedule(Math.min(untilPing, idleTimeoutNanos - idle));
    }

    private void schedule(long delayNanos) {
        timer = ctx.executor().schedule(this::check, delayNanos, TimeUnit.NANOSECONDS);
    }
}
