package org.queqiao.messaging.wire;

import org.queqiao.messaging.EntryKind;
import org.queqiao.messaging.SendRequest;
import org.queqiao.platform.json.JsonFields;

/** Reads chat requests from JSON, the same way for HTTP bodies and realtime requests. */
public final class ChatInput {
    private ChatInput() {}

    public static SendRequest send(JsonFields f) {
        EntryKind kind = f.oneOf("kind", k -> {
            EntryKind e = EntryKind.fromWire(k);
            return e != null && e.isMessage() ? e : null;
        }, "text, card");
        Boolean all = f.bool("mentionAll");
        return new SendRequest(f.string("clientMsgId"), kind == null ? EntryKind.TEXT : kind, f.string("text"), f.ids("mentions"),
                all != null && all, f.longValue("replyTo"), f.object("card"));
    }
}
