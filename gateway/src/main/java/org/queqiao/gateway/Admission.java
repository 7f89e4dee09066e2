package org.queqiao.gateway;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import org.queqiao.gateway.ClientFrames.AuthRequest;
import org.queqiao.platform.auth.Principal;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Turns an authenticated socket into a connection: swaps the auth handler for the connection
 * handlers, then resumes the requested session or starts a new one. Runs on the event loop, with
 * auto-read still off, so no client frame can arrive half-way through.
 */
final class Admission {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Admission() {}

    static void admit(GatewayContext gw, ChannelHandlerContext authCtx, Principal principal, AuthRequest request, long authStartedNanos) {
        Channel channel = authCtx.channel();
        ClientConnection connection = new ClientConnection(gw);
        channel.pipeline().replace(authCtx.name(), "connection", connection);
        channel.pipeline().addFirst("heartbeat", new HeartbeatHandler(gw.settings(), connection));
        ClientSession session = request.wantsResume() ? resume(gw, connection, principal, request) : null;
        if (session == null) {
            session = new ClientSession(newResumeKey(), principal, gw.settings().resumeBuffer(), gw.settings().resumeBufferBytes());
            connection.bind(session);
            session.start(connection, gw.heartbeatMs(), request.wantsResume());
            gw.sessions().add(session);
        }
        closeIfEndedMeanwhile(gw, session, connection, authStartedNanos);
        channel.config().setAutoRead(true);
    }

    /**
     * The member was deactivated (or the login revoked) while its token was being checked. Checked
     * after registering: either the bus handler's sweep saw this session, or we see its record here.
     */
    private static void closeIfEndedMeanwhile(GatewayContext gw, ClientSession session, ClientConnection connection, long authStartedNanos) {
        Principal p = session.principal;
        ErrorCode ended = gw.sessions().recentEndings.endedSince(p.memberId(), p.sessionId(), authStartedNanos);
        if (ended == null) return;
        gw.sessions().remove(session);
        session.end();
        connection.disconnect(ended, ended.defaultMessage());
    }

    /** Only the same login session of the same member may resume: the key alone is not a credential. */
    private static ClientSession resume(GatewayContext gw, ClientConnection connection, Principal principal, AuthRequest request) {
        ClientSession session = gw.sessions().byResumeKey(request.resumeKey());
        if (session == null || !session.belongsTo(principal)) return null;
        if (!session.resume(connection, request.lastSeq(), gw.heartbeatMs())) return null;
        connection.bind(session);
        return session;
    }

    /** 128 random bits, URL-safe: unguessable, though guessing one would not be enough to resume. */
    private static String newResumeKey() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
