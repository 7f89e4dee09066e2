package org.queqiao.platform.problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one way domain code reports a failure a client can act on. The HTTP edge renders it as
 * RFC 9457 {@code application/problem+json}; the realtime gateway renders it as an error frame.
 * The {@code code} is stable and documented: clients switch on it, never on the message.
 */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String code;
    private final String field;
    private final Map<String, Object> extensions;

    public ProblemException(int status, String code, String message, String field, Map<String, Object> extensions) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
        this.extensions = extensions == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    public int status() { return status; }
    public String code() { return code; }
    /** The offending input field (JSON pointer-ish dotted path or CSV column), or null. */
    public String field() { return field; }
    public Map<String, Object> extensions() { return extensions; }

    public static ProblemException invalid(String field, String code, String message) {
        return new ProblemException(400, code, message, field, null);
    }
    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not_found", what + " was not found", null, null);
    }
    public static ProblemException conflict(String code, String message, String field) {
        return new ProblemException(409, code, message, field, null);
    }
    public static ProblemException forbidden(String code, String message) {
        return new ProblemException(403, code, message, null, null);
    }
    public static ProblemException unauthorized(String code, String message) {
        return new ProblemException(401, code, message, null, null);
    }
    public static ProblemException tooManyRequests(String code, String message, long retryAfterSeconds) {
        return new ProblemException(429, code, message, null, Map.of("retryAfterSeconds", retryAfterSeconds));
    }
    /** A plan quota was reached: names the quota and its limit so the admin knows what to upgrade. */
    public static ProblemException quotaExceeded(String quota, long limit, String plan) {
        return new ProblemException(403, "quota_exceeded",
                "The " + plan + " plan allows " + limit + " for quota '" + quota + "'. Ask the operator for a larger plan.",
                null, Map.of("quota", quota, "limit", limit, "plan", plan));
    }
}
