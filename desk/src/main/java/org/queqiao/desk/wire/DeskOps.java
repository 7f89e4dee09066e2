package org.queqiao.desk.wire;

import org.queqiao.desk.AgentStatus;
import org.queqiao.desk.Desk;
import org.queqiao.platform.json.JsonFields;
import org.queqiao.platform.page.PageRequest;
import org.queqiao.platform.realtime.RequestHandlers;

import java.util.List;
import java.util.Map;

/**
 * The desk's realtime operations (docs/desk-protocol.md): {@code visitor.*} for visitors (the gateway
 * lets a visitor call nothing else), {@code desk.*} for agents and supervisors. Thin: read the
 * fields, call the service, shape the answer. Agents reply with the ordinary {@code chat.send}.
 */
public final class DeskOps {
    private DeskOps() {}

    public static void register(RequestHandlers h, Desk desk, DeskViews views) {
        h.register("visitor.open", (p, d) -> {
            Long after = JsonFields.of(d).longValue("after");
            var o = desk.visitors().open(p, after == null ? 0 : after);
            return Map.of("conversation", views.forVisitor(o.conversation()), "entries", o.entries());
        });
        h.register("visitor.send", (p, d) -> {
            var f = JsonFields.of(d);
            return desk.visitors().send(p, f.string("clientMsgId"), f.string("text"));
        });
        h.register("visitor.human", (p, d) -> Map.of("outcome", desk.visitors().askForPerson(p).name().toLowerCase(java.util.Locale.ROOT)));
        h.register("visitor.end", (p, d) -> views.forVisitor(desk.visitors().end(p)));
        h.register("visitor.rate", (p, d) -> {
            var f = JsonFields.of(d);
            Integer score = f.integer("score");
            desk.visitors().rate(p, f.requiredId("conversationId"), score == null ? 0 : score, f.string("comment"));
            return null;
        });
        h.register("visitor.rate-answer", (p, d) -> {
            var f = JsonFields.of(d);
            desk.visitors().rateAnswer(p, f.requiredId("conversationId"), f.requiredLong("seq"), Boolean.TRUE.equals(f.bool("helpful")));
            return null;
        });
        h.register("visitor.leave-message", (p, d) -> {
            var f = JsonFields.of(d);
            return Map.of("id", desk.visitors().leaveMessage(p, f.string("name"), f.string("email"), f.string("phone"), f.string("text")));
        });
        h.register("visitor.transcript", (p, d) -> {
            var f = JsonFields.of(d);
            Long after = f.longValue("after");
            return Map.of("entries", desk.visitors().transcript(p, f.requiredId("conversationId"), after == null ? 0 : after));
        });

        h.register("desk.me", (p, d) -> desk.agents().me(p));
        h.register("desk.status", (p, d) -> desk.agents().setStatus(p, JsonFields.of(d).oneOf("status", AgentStatus::fromWire, "online, away, offline")));
        h.register("desk.mine", (p, d) -> Map.of("conversations", desk.agents().mine(p).stream().map(views::forAgent).toList()));
        h.register("desk.queue", (p, d) -> {
            var f = JsonFields.of(d);
            Integer limit = f.integer("limit");
            var page = desk.agents().queue(p, f.id("groupId"), PageRequest.parse(f.string("cursor"), limit == null ? null : limit.toString()));
            return Map.of("items", page.items().stream().map(views::forAgent).toList(), "nextCursor", page.nextCursor() == null ? "" : page.nextCursor());
        });
        h.register("desk.accept", (p, d) -> views.forAgent(desk.agents().accept(p, JsonFields.of(d).requiredId("conversationId"))));
        h.register("desk.decline", (p, d) -> {
            desk.agents().decline(p, JsonFields.of(d).requiredId("conversationId"));
            return null;
        });
        h.register("desk.detail", (p, d) -> {
            var f = JsonFields.of(d);
            Long after = f.longValue("after");
            var detail = desk.agents().detail(p, f.requiredId("conversationId"), after == null ? 0 : after);
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            out.put("conversation", views.forAgent(detail.conversation()));
            if (detail.visitor() != null) out.put("visitor", detail.visitor());
            out.put("entries", detail.entries());
            out.put("notes", detail.notes());
            return out;
        });
        h.register("desk.note", (p, d) -> {
            var f = JsonFields.of(d);
            return desk.agents().addNote(p, f.requiredId("conversationId"), f.string("text"));
        });
        h.register("desk.close", (p, d) -> {
            var f = JsonFields.of(d);
            List<String> tags = f.has("tags") ? f.array("tags").stream().map(n -> n.asText()).toList() : List.of();
            return views.forAgent(desk.agents().close(p, f.requiredId("conversationId"), tags));
        });
        h.register("desk.transfer", (p, d) -> {
            var f = JsonFields.of(d);
            var id = f.requiredId("conversationId");
            var to = f.id("agentId");
            return views.forAgent(to != null ? desk.transfers().toAgent(p, id, to, "transfer") : desk.transfers().toGroup(p, id, f.requiredId("groupId")));
        });
        h.register("desk.floor", (p, d) -> desk.supervision().floor(p));
        h.register("desk.join", (p, d) -> views.forAgent(desk.supervision().join(p, JsonFields.of(d).requiredId("conversationId"))));
        h.register("desk.takeover", (p, d) -> views.forAgent(desk.supervision().takeOver(p, JsonFields.of(d).requiredId("conversationId"))));
        h.register("desk.canned", (p, d) -> Map.of("items", desk.admin().canned(p)));
    }
}
