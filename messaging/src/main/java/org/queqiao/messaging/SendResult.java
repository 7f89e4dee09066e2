package org.queqiao.messaging;

import org.queqiao.platform.json.Json;
import org.queqiao.platform.json.JsonText;

/**
 * The stored entry; {@code duplicate} when this was a resend of a message already stored.
 * {@code entryJson}, when the writer has it, is the entry's JSON as it was pushed to the members'
 * devices: the sender's answer reuses it instead of serialising the entry again.
 */
public record SendResult(Entry entry, boolean duplicate, JsonText entryJson) implements JsonText {

    public SendResult(Entry entry, boolean duplicate) {
        this(entry, duplicate, null);
    }

    /** {@code {"entry":{...},"duplicate":false}} */
    @Override
    public String json() {
        String e = entryJson != null ? entryJson.json() : Json.write(entry);
        return "{\"entry\":" + e + ",\"duplicate\":" + duplicate + "}";
    }
}
