package org.queqiao.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import org.queqiao.platform.json.Json;
import org.queqiao.platform.json.JsonFields;
import org.queqiao.platform.problem.ProblemException;


/** A JSON request body, size-checked and parsed, then read field by field ({@link JsonFields}). */
public final class Body extends JsonFields {
    private Body(ObjectNode node) {
        super(node);
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
}
