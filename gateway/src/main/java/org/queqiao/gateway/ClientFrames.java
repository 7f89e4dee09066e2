package org.queqiao.gateway;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import org.queqiao.platform.json.Json;

import java.io.IOException;

/** Parses client frames: each is one JSON object whose string field "t" names its type. */
final class ClientFrames {
    private static final ObjectReader READER = Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ClientFrames() {}

    /** @return the frame as a JSON object with a textual "t", or null if it is anything else */
    static JsonNode parse(ByteBuf content) {
        JsonNode node;
        try (ByteBufInputStream in = new ByteBufInputStream(content.duplicate())) {
            node = READER.readTree((java.io.InputStream) in);
        } catch (IOException e) {
            return null;
        }
        if (node == null || !node.isObject() || !node.path("t").isTextual()) return null;
        return node;
    }

    static final int MAX_REQUEST_ID = 64;
    static final JsonNode EMPTY = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();

    /** @return the request id (a string of 1 to 64 characters) when "op" is a string too, or null */
    static String requestId(JsonNode frame) {
        JsonNode id = frame.get("id");
        if (id == null || !id.isTextual() || id.asText().isEmpty() || id.asText().length() > MAX_REQUEST_ID) return null;
        return frame.path("op").isTextual() ? id.asText() : null;
    }

    /** @return a non-negative whole number in {@code field}, or -1 */
    static long sequence(JsonNode frame, String field) {
        JsonNode n = frame.get(field);
        return n != null && n.isIntegralNumber() && n.canConvertToLong() && n.asLong() >= 0 ? n.asLong() : -1;
    }

    /** The first frame of a connection: a token and optionally the session to resume. */
    record AuthRequest(String token, String resumeKey, long lastSeq) {
        boolean wantsResume() {
            return resumeKey != null;
        }

        /** @return the request, or null if the frame is not a well-formed auth frame */
        static AuthRequest from(JsonNode frame) {
            if (frame == null || !"auth".equals(frame.get("t").asText())) return null;
            JsonNode token = frame.get("token");
            String tokenText = token != null && token.isTextual() ? token.asText() : "";
            JsonNode resume = frame.get("resume");
            if (resume == null || resume.isNull()) return new AuthRequest(tokenText, null, -1);
            JsonNode key = resume.get("connection");
            long lastSeq = sequence(resume, "lastSeq");
            if (key == null || !key.isTextual() || lastSeq < 0) return null;
            return new AuthRequest(tokenText, key.asText(), lastSeq);
        }

        @Override
        public String toString() {
            return "AuthRequest[token=***, resumeKey=" + resumeKey + ", lastSeq=" + lastSeq + "]";
        }
    }
}
