package org.queqiao.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.queqiao.platform.json.Json;

/**
 * A push as it travels on the bus: a small JSON header (topic and who gets it), a newline, then the
 * data as JSON. Receivers parse only the header and pass the data on as the text it already is, so a
 * message is serialised once on the way to any number of sockets and never parsed back.
 */
record PushEnvelope(JsonNode header, String dataJson) {

    static String of(ObjectNode header, String dataJson) {
        return header.toString() + '\n' + dataJson;
    }

    /** JSON text never holds a raw newline (it is escaped inside strings), so the first one ends the header. */
    static PushEnvelope parse(String payload) {
        int nl = payload.indexOf('\n');
        if (nl < 0) throw new IllegalArgumentException("a push envelope needs a header line");
        return new PushEnvelope(Json.read(payload.substring(0, nl), JsonNode.class), payload.substring(nl + 1));
    }
}
