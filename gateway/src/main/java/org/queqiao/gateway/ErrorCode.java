package org.queqiao.gateway;

import java.util.Locale;

/**
 * The stable error codes of the realtime protocol (docs/realtime-protocol.md), each with the
 * WebSocket close code used when the error ends the connection. Clients switch on the code,
 * never on the message. Adding a code means documenting it; renaming one breaks clients.
 */
public enum ErrorCode {
    AUTH_REQUIRED(4001, "The first frame must be an auth frame."),
    AUTH_FAILED(4002, "The token is unknown, expired or revoked."),
    AUTH_TIMEOUT(4003, "No auth frame arrived in time."),
    SESSION_REVOKED(4004, "This session was signed out."),
    MEMBER_DEACTIVATED(4005, "This membership was deactivated."),
    SLOW_CONSUMER(4006, "The client did not read its pushes fast enough; reconnect and resume."),
    IDLE_TIMEOUT(4007, "Nothing was received from the client for too long."),
    RATE_LIMITED(4008, "Too many frames; slow down."),
    MALFORMED_FRAME(4009, "The frame is not a JSON object with a string field \"t\"."),
    FRAME_TOO_LARGE(4010, "The frame is larger than the server accepts."),
    UNKNOWN_FRAME_TYPE(4011, "The frame type is not one the server understands."),
    ALREADY_AUTHENTICATED(4012, "This connection is already authenticated."),
    CONNECTION_REPLACED(4013, "A newer connection resumed this session."),
    DISCONNECTED(4000, "The server ended this connection; authenticate again."),
    INTERNAL_ERROR(1011, "The server failed; try again later."),
    SERVER_SHUTDOWN(1001, "The server is shutting down; reconnect and resume.");

    private final int closeCode;
    private final String defaultMessage;

    ErrorCode(int closeCode, String defaultMessage) {
        this.closeCode = closeCode;
        this.defaultMessage = defaultMessage;
    }

    /** The code as it appears on the wire, e.g. {@code slow_consumer}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The WebSocket close code sent when this error ends the connection. */
    public int closeCode() {
        return closeCode;
    }

    public String defaultMessage() {
        return defaultMessage;
    }

    /** @throws IllegalArgumentException for a code that is not part of the protocol */
    public static ErrorCode fromWire(String code) {
        for (ErrorCode c : values()) {
            if (c.wire().equals(code)) return c;
        }
        throw new IllegalArgumentException("not a realtime error code: " + code);
    }
}
