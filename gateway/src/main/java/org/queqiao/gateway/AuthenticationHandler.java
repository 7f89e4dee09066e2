package org.queqiao.gateway;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import org.queqiao.gateway.ClientFrames.AuthRequest;
import org.queqiao.platform.auth.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Guards a new connection until it is admitted: the WebSocket upgrade and a valid auth frame must
 * both arrive within gateway.auth-timeout of the TCP accept. The token check may block (a database
 * lookup), so it runs on a virtual thread and the result hops back to the event loop. Replaced by
 * {@link ClientConnection} on success. Tokens are never logged.
 */
final class AuthenticationHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(AuthenticationHandler.class);

    private enum State { AWAITING_AUTH, AUTHENTICATING, DONE }

    private final GatewayContext gw;
    private State state = State.AWAITING_AUTH;
    private boolean upgraded;
    private long authStartedNanos;
    private ScheduledFuture<?> deadline;

    AuthenticationHandler(GatewayContext gw) {
        this.gw = gw;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        deadline = ctx.executor().schedule(() -> onDeadline(ctx), gw.settings().authTimeout().toMillis(), TimeUnit.MILLISECONDS);
        ctx.fireChannelActive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof HandshakeComplete) {
            upgraded = true;
            ctx.pipeline().remove(NotFoundHandler.INSTANCE); // only HTTP requests needed it
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof WebSocketFrame frame)) {
            ctx.fireChannelRead(msg); // a plain HTTP request for another path
            return;
        }
        try {
            // frames sent while the token is being checked are dropped: clients wait for "ready"
            if (state == State.AWAITING_AUTH) onFirstFrame(ctx, frame);
        } finally {
            frame.release();
        }
    }

    private void onFirstFrame(ChannelHandlerContext ctx, WebSocketFrame frame) {
        AuthRequest request = frame instanceof TextWebSocketFrame text && text.content().readableBytes() <= gw.settings().maxFrameBytes()
                ? AuthRequest.from(ClientFrames.parse(text.content()))
                : null;
        if (request == null) {
            fail(ctx, ErrorCode.AUTH_REQUIRED);
        } else if (request.token().isBlank()) {
            fail(ctx, ErrorCode.AUTH_FAILED);
        } else {
            state = State.AUTHENTICATING;
            authStartedNanos = System.nanoTime();
            ctx.channel().config().setAutoRead(false); // read nothing more until admitted
            gw.authExecutor().execute(() -> authenticate(ctx, request));
        }
    }

    /** On a virtual thread. A null result means the authenticator itself failed. */
    private void authenticate(ChannelHandlerContext ctx, AuthRequest request) {
        Optional<Principal> principal;
        try {
            principal = gw.authenticator().authenticate(request.token());
        } catch (RuntimeException e) {
            log.warn("token authenticator failed: {}", e.getClass().getName());
            principal = null;
        }
        Optional<Principal> result = principal;
        try {
            ctx.executor().execute(() -> onAuthenticated(ctx, request, result));
        } catch (RejectedExecutionException shuttingDown) {
            ctx.channel().close();
        }
    }

    private void onAuthenticated(ChannelHandlerContext ctx, AuthRequest request, Optional<Principal> principal) {
        if (state != State.AUTHENTICATING || !ctx.channel().isActive()) return;
        if (principal == null) {
            fail(ctx, ErrorCode.INTERNAL_ERROR);
        } else if (principal.isEmpty()) {
            fail(ctx, ErrorCode.AUTH_FAILED);
        } else {
            finish();
            Admission.admit(gw, ctx, principal.get(), request, authStartedNanos);
        }
    }

    private void onDeadline(ChannelHandlerContext ctx) {
        if (state == State.DONE) return;
        if (upgraded) {
            fail(ctx, ErrorCode.AUTH_TIMEOUT);
        } else {
            finish(); // not even a WebSocket yet: nothing to tell
            gw.metrics().disconnected(ErrorCode.AUTH_TIMEOUT);
            ctx.close();
        }
    }

    private void fail(ChannelHandlerContext ctx, ErrorCode code) {
        finish();
        gw.metrics().disconnected(code);
        ServerFrames.closeWith(ctx, code, code.defaultMessage());
    }

    private void finish() {
        state = State.DONE;
        if (deadline != null) deadline.cancel(false);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        finish();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        boolean badFrame = cause instanceof CorruptedWebSocketFrameException || cause instanceof TooLongFrameException;
        if (badFrame && upgraded && state != State.DONE) {
            fail(ctx, ErrorCode.AUTH_REQUIRED);
        } else {
            if (!(cause instanceof IOException) && !badFrame) log.debug("closing connection {} before auth", ctx.channel().id(), cause);
            ctx.close();
        }
    }
}
