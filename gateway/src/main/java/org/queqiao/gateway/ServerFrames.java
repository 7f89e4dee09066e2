package org.queqiao.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import org.queqiao.platform.json.Json;

import java.time.Duration;

/** The frames the server sends that are not pushes, and the one way a connection is closed. */
final class ServerFrames {
    static final String PONG = "{\"t\":\"pong\"}";
    static final String RESUME_UNAVAILABLE = "resume_unavailable";
    /** How long a closing connection may take to flush its last frames before the socket is closed anyway. */
    static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

    private ServerFrames() {}

    /** {@code seq}: the push after which this connection continues; the next push carries seq + 1. */
    static String ready(String resumeKey, long seq, long heartbeatMs, boolean resumed, boolean resumeRefused) {
        ObjectNode n = Json.MAPPER.createObjectNode()
                .put("t", "ready")
                .put("resumeKey", resumeKey)
                .put("seq", seq)
                .put("heartbeatMs", heartbeatMs)
                .put("resumed", resumed);
        if (resumeRefused) n.put("resumeError", RESUME_UNAVAILABLE);
        return n.toString();
    }

    /** The answer to request {@code id}: {@code {"t":"res","id":..,"ok":true,"data":..}}. */
    static String response(String id, Object data) {
        // the data is serialised straight to text, not through a tree: this is on every request's path
        return "{\"t\":\"res\",\"id\":" + Json.write(id) + ",\"ok\":true,\"data\":" + Json.write(data) + "}";
    }

    /** A failed request: the same status, code, field and message a problem+json answer over HTTP would carry. */
    static String failure(String id, org.queqiao.platform.problem.ProblemException e) {
        ObjectNode n = Json.MAPPER.createObjectNode().put("t", "res").put("id", id).put("ok", false);
        ObjectNode err = n.putObject("error").put("status", e.status()).put("code", e.code()).put("message", e.getMessage());
        if (e.field() != null) err.put("field", e.field());
        e.extensions().forEach((k, v) -> err.set(k, Json.MAPPER.valueToTree(v)));
        return n.toString();
    }

    static String error(ErrorCode code, String message) {
        return Json.MAPPER.createObjectNode()
                .put("t", "error")
                .put("code", code.wire())
                .put("message", message)
                .toString();
    }

    static TextWebSocketFrame text(ChannelHandlerContext ctx, String json) {
        return new TextWebSocketFrame(ByteBufUtil.writeUtf8(ctx.alloc(), json));
    }

    /**
     * Sends the error frame, then a close frame carrying the code's close code, then waits briefly
     * for the client's close reply (so unread client data does not turn our close into a reset that
     * would destroy the error frame). Must run on the channel's event loop.
     */
    static void closeWith(ChannelHandlerContext ctx, ErrorCode code, String message) {
        if (!ctx.channel().isActive()) return;
        ctx.write(text(ctx, error(code, message)), ctx.voidPromise());
        ctx.writeAndFlush(new CloseWebSocketFrame(code.closeCode(), code.wire()))
                .addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        ctx.executor().schedule(() -> ctx.channel().close(), CLOSE_GRACE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }
}
