package org.queqiao.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import org.queqiao.platform.id.Ids;
import org.queqiao.platform.json.Json;
import org.queqiao.platform.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * A JSON request body read field by field, so a wrong type or an unknown enum value is answered with
 * a 400 that names the field, never a 500 or a generic "bad JSON".
 */
public final class Body {
    private final ObjectNode node;

    private Body(ObjectNode node) {
        this.node = node;
    }

    public static Body of(Context ctx, long maxBytes) {
        byte[] raw = ctx.bodyAsBytes();
        if (raw.length > maxBytes) {
            throw new ProblemException(413, "body_too_large", "The request body is larger than " + maxBytes + " bytes", null, null);
        }
        if (raw.length == 0) throw ProblemException.invalid("body", "required", "A JSON object body is required");
        JsonNode n;
        try {
            n = Json.MAPPER.readTree(raw);
        } catch (java.io.IOException e) {
            throw ProblemException.invalid("body", "malformed_json", "The body is not valid JSON");
        }
        if (n == null || !n.isObject()) throw ProblemException.invalid("body", "not_an_object", "The body must be a JSON object");
        return new Body((ObjectNode) n);
    }

    public boolean has(String field) {
        return node.has(field);
    }

    /** A string, or null when absent or JSON null. */
    public String string(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw wrongType(field, "a string");
        return v.asText();
    }

    public Integer integer(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isIntegralNumber() || !v.canConvertToInt()) throw wrongType(field, "a whole number");
        return v.asInt();
    }

    public UUID id(String field) {
        String s = string(field);
        if (s == null) return null;
        UUID id = Ids.parseOrNull(s);
        if (id == null) throw ProblemException.invalid(field, "invalid_id", field + " is not a valid id");
        return id;
    }

    public List<UUID> ids(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isArray()) throw wrongType(field, "an array of ids");
        List<UUID> out = new ArrayList<>();
        for (JsonNode e : v) {
            UUID id = e.isTextual() ? Ids.parseOrNull(e.asText()) : null;
            if (id == null) throw ProblemException.invalid(field, "invalid_id", field + " must hold valid ids");
            out.add(id);
        }
        return out;
    }

    /** An enum-like value parsed by {@code parse}, which returns null for an unknown value. */
    public <T> T oneOf(String field, Function<String, T> parse, String allowed) {
        String s = string(field);
        if (s == null) return null;
        T v = parse.apply(s);
        if (v == null) throw ProblemException.invalid(field, "invalid_value", field + " must be one of " + allowed);
        return v;
    }

    private static ProblemException wrongType(String field, String expected) {
        return ProblemException.invalid(field, "wrong_type", field + " must be " + expected);
    }
}
