package org.queqiao.messaging.wire;

import org.queqiao.messaging.Messaging;
import org.queqiao.platform.json.JsonFields;
import org.queqiao.platform.realtime.RequestHandlers;

import java.util.Map;

/**
 * The chat operations a client may request over its realtime connection (docs/chat-protocol.md).
 * Thin: read the fields, call the service, return what it returns.
 */
public final class ChatOps {
    private ChatOps() {}

    public static void register(RequestHandlers handlers, Messaging m) {
        handlers.register("chat.send", (p, d) -> {
            JsonFields f = JsonFields.of(d);
            return m.log().send(p, f.requiredId("conversationId"), ChatInput.send(f));
        });
        handlers.register("chat.edit", (p, d) -> {
            JsonFields f = JsonFields.of(d);
            return m.log().edit(p, f.requiredId("conversationId"), f.requiredLong("seq"), f.string("clientMsgId"), f.string("text"));
        });
        handlers.register("chat.recall", (p, d) -> {
            JsonFields f = JsonFields.of(d);
            return m.log().recall(p, f.requiredId("conversationId"), f.requiredLong("seq"), f.string("clientMsgId"));
        });
        handlers.register("chat.react", (p, d) -> {
            JsonFields f = JsonFields.of(d);
            Boolean added = f.bool("added");
            return m.log().react(p, f.requiredId("conversationId"), f.requiredLong("seq"), f.string("clientMsgId"), f.string("emoji"), added == null || added);
        });
        handlers.register("chat.forward", (p, d) -> {
            JsonFields f = JsonFields.of(d);
            return m.log().forward(p, f.requiredId("fromConversationId"), f.requiredLong("seq"), f.requiredId("toConversationId"), f.string("clientMsgId"));
        });
        handlers.register("chat.read", (p, d) -> {
            JsonFields f = JsonFields.of(d);
            return Map.of("readSeq", m.reads().markRead(p, f.requiredId("conversationId"), f.requiredLong("seq")));
        });
        handlers.register("chat.sync", (p, d) -> m.reads().sync(p, JsonFields.of(d).idToLong("cursors")));
        handlers.register("chat.history", (p, d) -> {
            JsonFields f = JsonFields.of(d);
            Integer limit = f.integer("limit");
            return Map.of("entries", m.reads().history(p, f.requiredId("conversationId"), f.longValue("before"), f.longValue("after"), limit == null ? 50 : limit));
        });
        handlers.register("chat.typing", (p, d) -> {
            m.reads().typing(p, JsonFields.of(d).requiredId("conversationId"));
            return null;
        });
    }
}
