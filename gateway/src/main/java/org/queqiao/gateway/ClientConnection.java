package org.queqiao.gateway;

import org.queqiao.platform.rate.TokenBucket;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * The handler of one authenticated connection, and (with its session) all the state we keep per
 * connection: inbound rate limit, abuse strikes, close and flush flags. Runs on the channel's event
 * loop; {@link #enqueue}, {@link #enqueueText} and {@link #disconnect} may be called from any thread
 * and hop onto it, so sequenced frames leave in the order they were enqueued.
 */
final class ClientConnection extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(ClientConnection.class);
    /** Rejected frames tolerated per window before we stop answering and close. */
    static final int MAX_STRIKES = 10;
    private static final long STRIKE_WINDOW_NANOS = TimeUnit.MINUTES.toNanos(1);
    /** What a meeting guest may call; each such operation checks the meeting against the guest's scope itself. */
    private static final java.util.regex.Pattern GUEST_OPS = java.util.regex.Pattern.compile("(meeting|media)\\.");

    private final GatewayContext gw;
    private final TokenBucket inbound;
    private ChannelHandlerContext ctx;
    private ClientSession session;
    private final RequestQueue requests;
    private int strikes;
    private long strikeWindowStartNanos;
    private boolean flushScheduled;
    private boolean closing;

    ClientConnection(GatewayContext gw) {
        this.gw = gw;
        long now = System.nanoTime(); // may be negative: windows must start from a reading, never from 0
        this.inbound = new TokenBucket(gw.settings().inboundRate(), gw.settings().inboundBurst(), now);
        this.strikeWindowStartNanos = now;
        this.requests = new RequestQueue(gw, this);
    }

    org.queqiao.platform.auth.Principal principal() {
        return session.principal;
    }

    void bind(ClientSession s) {
        session = s;
        if (!s.principal.isOutsider()) gw.presence().connected(s.principal); // guests and visitors are nobody's contacts
    }

    EventLoop eventLoop() {
        return ctx.channel().eventLoop();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        gw.metrics().connectionAuthenticated();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (!closing) onFrame(msg);
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void onFrame(Object msg) {
        if (!inbound.tryTake(System.nanoTime())) {
            rateLimited(msg);
        } else if (!(msg instanceof TextWebSocketFrame text)) {
            reject(ErrorCode.MALFORMED_FRAME, "Only JSON text frames are accepted.");
        } else if (text.content().readableBytes() > gw.settings().maxFrameBytes()) {
            reject(ErrorCode.FRAME_TOO_LARGE, "Frames are limited to " + gw.settings().maxFrameBytes() + " bytes.");
        } else {
            JsonNode frame = ClientFrames.parse(text.content());
            if (frame == null) {
                reject(ErrorCode.MALFORMED_FRAME, ErrorCode.MALFORMED_FRAME.defaultMessage());
                return;
            }
            switch (frame.get("t").asText()) {
                case "ping" -> ctx.writeAndFlush(ServerFrames.text(ctx, ServerFrames.PONG), ctx.voidPromise());
                case "ack" -> onAck(ClientFrames.sequence(frame, "seq"));
                case "req" -> onRequest(frame);
                case "auth" -> reject(ErrorCode.ALREADY_AUTHENTICATED, ErrorCode.ALREADY_AUTHENTICATED.defaultMessage());
                default -> reject(ErrorCode.UNKNOWN_FRAME_TYPE, "Known frame types are req, ack and ping.");
            }
        }
    }

    private void onAck(long seq) {
        if (seq < 0) reject(ErrorCode.MALFORMED_FRAME, "An ack needs \"seq\", a non-negative whole number.");
        else session.ack(seq);
    }

    private void onRequest(JsonNode frame) {
        String id = ClientFrames.requestId(frame);
        if (id == null) {
            reject(ErrorCode.MALFORMED_FRAME, "A req needs \"id\", a string of 1 to " + ClientFrames.MAX_REQUEST_ID + " characters, and \"op\", a string.");
            return;
        }
        String op = frame.path("op").asText();
        var handler = gw.handlers().find(op);
        JsonNode data = frame.path("data");
        if (handler == null) {
            respondNow(ServerFrames.failure(id, new org.queqiao.platform.problem.ProblemException(404, "unknown_op",
                    "The server has no operation '" + op + "'.", "op", null)));
        } else if (session.principal.isMeetingGuest() && !GUEST_OPS.matcher(op).lookingAt()) {
            respondNow(ServerFrames.failure(id, org.queqiao.platform.problem.ProblemException.forbidden("guest_not_allowed",
                    "A meeting guest may only use meeting.* and media.* operations")));
        } else if (session.principal.deskVisitor() != op.startsWith("visitor.")) {
            respondNow(ServerFrames.failure(id, org.queqiao.platform.problem.ProblemException.forbidden(
                    session.principal.deskVisitor() ? "visitor_not_allowed" : "visitor_only",
                    session.principal.deskVisitor() ? "A desk visitor may only use visitor.* operations" : "visitor.* operations are for desk visitors")));
        } else if (!data.isMissingNode() && !data.isNull() && !data.isObject()) {
            respondNow(ServerFrames.failure(id, org.queqiao.platform.problem.ProblemException.invalid("data", "invalid_type", "data must be a JSON object")));
        } else if (!requests.offer(new RequestQueue.Request(id, op, handler, data.isObject() ? data : ClientFrames.EMPTY))) {
            respondNow(ServerFrames.failure(id, new org.queqiao.platform.problem.ProblemException(429, "too_many_requests",
                    "More than " + gw.settings().maxPendingRequests() + " requests are waiting for answers; wait for some.", null, null)));
        }
    }

    /**
     * A request over the limit is answered as a failed request (so the client can match it to its id
     * and retry it); any other frame gets the error frame. Either way it counts as a strike.
     */
    private void rateLimited(Object msg) {
        String id = null;
        if (msg instanceof TextWebSocketFrame text && text.content().readableBytes() <= gw.settings().maxFrameBytes()) {
            JsonNode frame = ClientFrames.parse(text.content());
            if (frame != null && "req".equals(frame.get("t").asText())) id = ClientFrames.requestId(frame);
        }
        if (id == null) {
            reject(ErrorCode.RATE_LIMITED, ErrorCode.RATE_LIMITED.defaultMessage());
            return;
        }
        String requestId = id;
        reject(ErrorCode.RATE_LIMITED, () -> ServerFrames.failure(requestId, new org.queqiao.platform.problem.ProblemException(429, "rate_limited",
                "Too many frames on this connection; slow down and retry", null, java.util.Map.of("retryAfterSeconds", 1))));
    }

    private void respondNow(String json) {
        ctx.writeAndFlush(ServerFrames.text(ctx, json), ctx.voidPromise());
    }

    /** Answers a bad frame with an error frame; repeated abuse closes the connection instead. */
    private void reject(ErrorCode code, String message) {
        reject(code, () -> ServerFrames.error(code, message), message);
    }

    private void reject(ErrorCode code, java.util.function.Supplier<String> answer) {
        reject(code, answer, code.defaultMessage());
    }

    private void reject(ErrorCode code, java.util.function.Supplier<String> answer, String message) {
        gw.metrics().frameRejected(code);
        long now = System.nanoTime();
        if (now - strikeWindowStartNanos > STRIKE_WINDOW_NANOS) {
            strikeWindowStartNanos = now;
            strikes = 0;
        }
        if (++strikes > MAX_STRIKES) {
            disconnect(code, "Too many rejected frames. " + message);
        } else {
            ctx.writeAndFlush(ServerFrames.text(ctx, answer.get()), ctx.voidPromise());
        }
    }

    /** Pending outbound bytes passed gateway.max-pending-bytes: this client cannot keep up. */
    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (!ctx.channel().isWritable()) disconnect(ErrorCode.SLOW_CONSUMER, ErrorCode.SLOW_CONSUMER.defaultMessage());
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closing = true;
        gw.metrics().authenticatedConnectionClosed();
        if (session != null) {
            gw.sessions().detached(session, this);
            if (!session.principal.isOutsider()) gw.presence().disconnected(session.principal);
            if (gw.sessions().noSocketLeft(session.principal.sessionId())) {
                for (var l : gw.connectionListeners()) l.deviceDisconnected(session.principal);
            }
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            // a fragmented message grew past the limit; the aggregator discards the rest of it
            reject(ErrorCode.FRAME_TOO_LARGE, "Frames are limited to " + gw.settings().maxFrameBytes() + " bytes.");
        } else if (cause instanceof CorruptedWebSocketFrameException e) {
            boolean tooBig = e.closeStatus() == WebSocketCloseStatus.MESSAGE_TOO_BIG;
            disconnect(tooBig ? ErrorCode.FRAME_TOO_LARGE : ErrorCode.MALFORMED_FRAME, "Invalid WebSocket frame: " + e.getMessage());
        } else if (cause instanceof IOException) {
            log.debug("connection {} failed: {}", ctx.channel().id(), cause.toString());
            ctx.close();
        } else {
            log.warn("unexpected failure on connection {}", ctx.channel().id(), cause);
            disconnect(ErrorCode.INTERNAL_ERROR, ErrorCode.INTERNAL_ERROR.defaultMessage());
        }
    }

    /** Sends the error and closes; from now on the session only buffers pushes, for a resume. */
    void disconnect(ErrorCode code, String message) {
        EventLoop loop = eventLoop();
        if (!loop.inEventLoop()) {
            loop.execute(() -> disconnect(code, message));
            return;
        }
        if (closing) return;
        closing = true;
        gw.metrics().disconnected(code);
        if (session != null) gw.sessions().detached(session, this);
        ServerFrames.closeWith(ctx, code, message);
    }

    void enqueue(PushFrame frame) {
        eventLoop().execute(() -> write(frame.json(), true));
    }

    void enqueueText(String json) {
        eventLoop().execute(() -> write(json, false));
    }

    /** Writes now and flushes once after the frames queued behind this one, not once per frame. */
    private void write(String json, boolean isPush) {
        if (closing) return;
        ctx.write(ServerFrames.text(ctx, json), ctx.voidPromise());
        if (isPush) gw.metrics().pushDelivered();
        if (!flushScheduled) {
            flushScheduled = true;
            eventLoop().execute(this::flush);
        }
    }

    private void flush() {
        flushScheduled = false;
        if (!closing) ctx.flush();
    }
}
