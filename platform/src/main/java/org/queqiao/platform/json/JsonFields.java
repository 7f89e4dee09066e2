package org.queqiao.platform.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.queqiao.platform.id.Ids;
import org.queqiao.platform.problem.ProblemException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * A JSON object read field by field, so a wrong type or an unknown enum value is answered with a 400
 * that names the field, never a 500 or a generic "bad JSON". Used for HTTP bodies and for the data
 * of realtime requests alike.
 */
public class JsonFields {
    private final ObjectNode node;

    protected JsonFields(ObjectNode node) {
        this.node = node;
    }

    /** An element of an array, read as an object; {@code field} names it in errors (e.g. {@code items[3]}). */
    public static JsonFields of(JsonNode node, String field) {
        if (node == null || !node.isObject()) throw ProblemException.invalid(field, "not_an_object", field + " must be an object");
        return new JsonFields((ObjectNode) node);
    }

    /** An array's elements, or an empty list when absent. */
    public List<JsonNode> array(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return List.of();
        if (!v.isArray()) throw wrongType(field, "an array");
        List<JsonNode> out = new ArrayList<>();
        v.forEach(out::add);
        return out;
    }

    /** {@code node} must be an object; a missing or null node reads as an empty object. */
    public static JsonFields of(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) return new JsonFields(JsonNodeFactory.instance.objectNode());
        if (!node.isObject()) throw ProblemException.invalid("data", "not_an_object", "data must be a JSON object");
        return new JsonFields((ObjectNode) node);
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

    public Long longValue(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isIntegralNumber() || !v.canConvertToLong()) throw wrongType(field, "a whole number");
        return v.asLong();
    }

    public long requiredLong(String field) {
        Long v = longValue(field);
        if (v == null) throw ProblemException.invalid(field, "required", field + " is required");
        return v;
    }

    public Boolean bool(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isBoolean()) throw wrongType(field, "true or false");
        return v.asBoolean();
    }

    public UUID id(String field) {
        String s = string(field);
        if (s == null) return null;
        UUID id = Ids.parseOrNull(s);
        if (id == null) throw ProblemException.invalid(field, "invalid_id", field + " is not a valid id");
        return id;
    }

    public UUID requiredId(String field) {
        UUID id = id(field);
        if (id == null) throw ProblemException.invalid(field, "required", field + " is required");
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

    /** A JSON object as a map, or null when absent. */
    public Map<String, Object> object(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isObject()) throw wrongType(field, "an object");
        @SuppressWarnings("unchecked")
        Map<String, Object> m = Json.MAPPER.convertValue(v, LinkedHashMap.class);
        return m;
    }

    /** An object mapping ids to whole numbers (e.g. cursors), or an empty map when absent. */
    public Map<UUID, Long> idToLong(String field) {
        JsonNode v = node.get(field);
        Map<UUID, Long> out = new LinkedHashMap<>();
        if (v == null || v.isNull()) return out;
        if (!v.isObject()) throw wrongType(field, "an object of id → whole number");
        var it = v.fields();
        while (it.hasNext()) {
            var e = it.next();
            UUID id = Ids.parseOrNull(e.getKey());
            if (id == null) throw ProblemException.invalid(field, "invalid_id", field + " keys must be valid ids");
            if (!e.getValue().isIntegralNumber() || !e.getValue().canConvertToLong()) throw wrongType(field + "." + e.getKey(), "a whole number");
            out.put(id, e.getValue().asLong());
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
