package org.queqiao.http;

import io.javalin.http.Context;
import org.queqiao.platform.json.Json;
import org.queqiao.platform.problem.ProblemException;

import java.util.LinkedHashMap;
import java.util.Map;

/** Renders problems as RFC 9457 {@code application/problem+json} with our stable {@code code} and the offending {@code field}. */
public final class ProblemResponses {
    public static final String CONTENT_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://queqiao.org/problems/";

    private ProblemResponses() {}

    public static void write(Context ctx, ProblemException p) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + p.code());
        body.put("title", title(p.status()));
        body.put("status", p.status());
        body.put("code", p.code());
        if (p.field() != null) body.put("field", p.field());
        body.put("detail", p.getMessage());
        body.putAll(p.extensions());
        if (p.extensions().get("retryAfterSeconds") instanceof Number n) ctx.header("Retry-After", String.valueOf(n.longValue()));
        // bytes, not a String: Jetty would encode a String in ISO-8859-1 for a media type without a charset, and Chinese details would turn into "?"
        ctx.status(p.status()).contentType(CONTENT_TYPE).result(Json.write(body).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public static void write(Context ctx, int status, String code, String detail) {
        write(ctx, new ProblemException(status, code, detail, null, null));
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Content";
            case 423 -> "Locked";
            case 429 -> "Too Many Requests";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal Server Error" : "Error";
        };
    }
}
