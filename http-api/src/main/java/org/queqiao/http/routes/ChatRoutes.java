package org.queqiao.http.routes;

import io.javalin.http.Context;
import org.queqiao.http.ApiRoutes;
import org.queqiao.http.ApiServices;
import org.queqiao.http.ApiSettings;
import org.queqiao.http.Auth;
import org.queqiao.http.Body;
import org.queqiao.http.Respond;
import org.queqiao.http.Views;
import org.queqiao.messaging.ChatRole;
import org.queqiao.messaging.Messaging;
import org.queqiao.messaging.wire.ChatInput;
import org.queqiao.messaging.wire.ChatViews;
import org.queqiao.platform.auth.Principal;
import org.queqiao.platform.page.Page;
import org.queqiao.platform.page.PageRequest;
import org.queqiao.platform.problem.ProblemException;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Team messaging over HTTP: conversations, members, history, sending and read state. Realtime
 * clients do the same over the WebSocket (chat.* operations); both call the same services.
 */
public final class ChatRoutes {
    private static final String C = "/api/v1/conversations";
    private final Messaging m;
    private final org.queqiao.messaging.search.MessageSearch search;
    private final org.queqiao.messaging.compliance.ChatPolicies policies;
    private final org.queqiao.messaging.compliance.ChatExport export;
    private final ApiSettings settings;
    private final Auth auth;

    public ChatRoutes(ApiServices s, ApiSettings settings, Auth auth) {
        this.m = s.messaging();
        this.search = s.search();
        this.policies = s.chatPolicies();
        this.export = s.chatExport();
        this.settings = settings;
        this.auth = auth;
    }

    public void register(ApiRoutes r) {
        r.get(C, ctx -> {
            Page<?> page = m.conversations().list(auth.principal(ctx), PageRequest.parse(ctx.queryParam("cursor"), ctx.queryParam("limit")));
            Respond.ok(ctx, Views.page(page.items().stream().map(s -> ChatViews.summary((org.queqiao.messaging.ConversationSummary) s)).toList(), page.nextCursor()));
        });
        r.create(C + "/direct", ctx -> {
            Principal p = auth.principal(ctx);
            Respond.created(ctx, ChatViews.conversation(m.conversations().openDirect(p, body(ctx).requiredId("memberId")), p.memberId()));
        });
        r.create(C, ctx -> {
            Principal p = auth.principal(ctx);
            Body b = body(ctx);
            Respond.created(ctx, ChatViews.conversation(m.conversations().createGroup(p, b.string("title"), b.ids("memberIds")), p.memberId()));
        });
        r.create(C + "/department", ctx -> {
            Principal p = auth.principal(ctx);
            Respond.created(ctx, ChatViews.conversation(m.directoryGroups().createDepartmentGroup(p, body(ctx).requiredId("departmentId")), p.memberId()));
        });
        r.create(C + "/all-staff", ctx -> {
            Principal p = auth.principal(ctx);
            Respond.created(ctx, ChatViews.conversation(m.directoryGroups().createAllStaffGroup(p, body(ctx).string("title")), p.memberId()));
        });
        r.get(C + "/{id}", ctx -> {
            Principal p = auth.principal(ctx);
            Respond.ok(ctx, ChatViews.conversation(m.conversations().get(p, id(ctx)), p.memberId()));
        });
        r.patch(C + "/{id}", ctx -> {
            Principal p = auth.principal(ctx);
            Body b = body(ctx);
            Respond.ok(ctx, ChatViews.conversation(m.conversations().update(p, id(ctx), b.string("title"), b.string("announcement")), p.memberId()));
        });
        r.post(C + "/{id}/dissolve", ctx -> {
            m.groups().dissolve(auth.principal(ctx), id(ctx));
            Respond.noContent(ctx);
        });
        r.post(C + "/{id}/transfer-owner", ctx -> {
            m.groups().transferOwner(auth.principal(ctx), id(ctx), body(ctx).requiredId("memberId"));
            Respond.noContent(ctx);
        });
        members(r);
        entries(r);
        files(r);
        compliance(r);
        r.get("/api/v1/chat/search", ctx -> {
            String conv = ctx.queryParam("conversationId");
            java.util.UUID convId = conv == null || conv.isBlank() ? null : org.queqiao.platform.id.Ids.parseOrNull(conv);
            if (conv != null && !conv.isBlank() && convId == null) throw ProblemException.invalid("conversationId", "invalid_id", "conversationId is not a valid id");
            var page = search.search(auth.principal(ctx), ctx.queryParam("q"), convId, PageRequest.parse(ctx.queryParam("cursor"), ctx.queryParam("limit")));
            Respond.ok(ctx, Views.page(page.items(), page.nextCursor()));
        });
        r.post("/api/v1/chat/sync", ctx -> Respond.ok(ctx, m.reads().sync(auth.principal(ctx), body(ctx).idToLong("cursors"))));
    }

    private void members(ApiRoutes r) {
        r.get(C + "/{id}/members", ctx -> {
            var page = m.groups().list(auth.principal(ctx), id(ctx), PageRequest.parse(ctx.queryParam("cursor"), ctx.queryParam("limit")));
            Respond.ok(ctx, Views.page(page.items().stream().map(ChatViews::membership).toList(), page.nextCursor()));
        });
        r.post(C + "/{id}/members", ctx -> Respond.ok(ctx, Map.of("added", m.groups().add(auth.principal(ctx), id(ctx), body(ctx).ids("memberIds")))));
        r.delete(C + "/{id}/members/{memberId}", ctx -> {
            m.groups().remove(auth.principal(ctx), id(ctx), memberId(ctx));
            Respond.noContent(ctx);
        });
        r.patch(C + "/{id}/members/{memberId}", ctx -> {
            Principal p = auth.principal(ctx);
            Body b = body(ctx);
            if (!b.has("role") && !b.has("mutedUntil")) throw ProblemException.invalid("body", "nothing_to_change", "Send role and/or mutedUntil");
            if (b.has("role")) m.groups().setRole(p, id(ctx), memberId(ctx), b.oneOf("role", ChatRole::fromWire, "admin, member"));
            if (b.has("mutedUntil")) m.groups().mute(p, id(ctx), memberId(ctx), instant(b, "mutedUntil"));
            Respond.noContent(ctx);
        });
    }

    private void entries(ApiRoutes r) {
        r.get(C + "/{id}/entries", ctx -> {
            String limit = ctx.queryParam("limit");
            Respond.ok(ctx, Map.of("items", m.reads().history(auth.principal(ctx), id(ctx), seqParam(ctx, "before"), seqParam(ctx, "after"),
                    limit == null ? 50 : PageRequest.parse(null, limit).limit())));
        });
        // idempotent by clientMsgId in the body, so no Idempotency-Key handling is needed
        r.post(C + "/{id}/messages", ctx -> {
            var result = m.log().send(auth.principal(ctx), id(ctx), ChatInput.send(body(ctx)));
            Respond.json(ctx, result.duplicate() ? 200 : 201, result);
        });
        r.patch(C + "/{id}/messages/{seq}", ctx -> {
            Body b = body(ctx);
            Respond.ok(ctx, m.log().edit(auth.principal(ctx), id(ctx), seq(ctx), b.string("clientMsgId"), b.string("text")));
        });
        r.post(C + "/{id}/messages/{seq}/recall", ctx -> Respond.ok(ctx, m.log().recall(auth.principal(ctx), id(ctx), seq(ctx), body(ctx).string("clientMsgId"))));
        r.post(C + "/{id}/messages/{seq}/reactions", ctx -> {
            Body b = body(ctx);
            Boolean added = b.bool("added");
            Respond.ok(ctx, m.log().react(auth.principal(ctx), id(ctx), seq(ctx), b.string("clientMsgId"), b.string("emoji"), added == null || added));
        });
        r.post(C + "/{id}/messages/{seq}/forward", ctx -> {
            Body b = body(ctx);
            Respond.ok(ctx, m.log().forward(auth.principal(ctx), id(ctx), seq(ctx), b.requiredId("toConversationId"), b.string("clientMsgId")));
        });
        r.get(C + "/{id}/messages/{seq}/receipts", ctx -> {
            String which = ctx.queryParam("state");
            if (which != null && !which.equals("read") && !which.equals("unread")) throw ProblemException.invalid("state", "invalid_value", "state must be read or unread");
            Respond.ok(ctx, m.reads().receipts(auth.principal(ctx), id(ctx), seq(ctx), "read".equals(which),
                    PageRequest.parse(ctx.queryParam("cursor"), ctx.queryParam("limit"))));
        });
        r.post(C + "/{id}/read", ctx -> Respond.ok(ctx, Map.of("readSeq", m.reads().markRead(auth.principal(ctx), id(ctx), body(ctx).requiredLong("seq")))));
    }

    /**
     * Upload: the raw bytes as the body, the file's media type as Content-Type, its name and the
     * message's clientMsgId as query parameters. Streamed to the blob store, never held in memory.
     */
    private void files(ApiRoutes r) {
        r.post(C + "/{id}/files", ctx -> {
            var result = m.files().upload(auth.principal(ctx), id(ctx), ctx.queryParam("clientMsgId"), ctx.queryParam("name"), ctx.contentType(),
                    ctx.queryParam("caption"), ctx.req().getInputStream());
            Respond.json(ctx, result.duplicate() ? 200 : 201, result);
        });
        r.get(C + "/{id}/files/{sha256}", ctx -> {
            var d = m.files().download(auth.principal(ctx), id(ctx), ctx.pathParam("sha256"));
            var f = d.file();
            boolean inline = org.queqiao.messaging.ChatFiles.isInline(f.contentType());
            ctx.header("Content-Type", inline ? f.contentType() : "application/octet-stream");
            ctx.header("Content-Disposition", (inline ? "inline" : "attachment") + "; filename*=UTF-8''"
                    + java.net.URLEncoder.encode(f.name(), java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
            // the bytes are the member's, not ours: never let them run as a page of this origin
            ctx.header("Content-Security-Policy", "sandbox; default-src 'none'");
            ctx.header("Cache-Control", "private, max-age=31536000, immutable");
            ctx.header("Content-Length", String.valueOf(f.size()));
            ctx.result(d.content());
        });
    }

    /** The organisation's chat policy (retention, sensitive words) and conversation exports, for admins. */
    private void compliance(ApiRoutes r) {
        r.get("/api/v1/chat/policy", ctx -> Respond.ok(ctx, policyView(policies.get(auth.principal(ctx)))));
        r.patch("/api/v1/chat/policy", ctx -> {
            Principal p = auth.principal(ctx);
            Body b = body(ctx);
            java.util.List<org.queqiao.messaging.compliance.ChatPolicy.Word> words = null;
            if (b.has("sensitiveWords")) {
                var arr = b.array("sensitiveWords");
                words = new java.util.ArrayList<>();
                for (int i = 0; i < arr.size(); i++) {
                    var w = org.queqiao.platform.json.JsonFields.of(arr.get(i), "sensitiveWords[" + i + "]");
                    words.add(new org.queqiao.messaging.compliance.ChatPolicy.Word(w.string("word"),
                            w.oneOf("action", org.queqiao.messaging.compliance.ChatPolicy.Action::fromWire, "block, mask")));
                }
            }
            Respond.ok(ctx, policyView(policies.update(p, b.integer("retentionDays"), words)));
        });
        r.get(C + "/{id}/export", ctx -> {
            String f = ctx.queryParam("format") == null ? "json" : ctx.queryParam("format");
            var format = switch (f) {
                case "json" -> org.queqiao.messaging.compliance.ChatExport.Format.JSON;
                case "csv" -> org.queqiao.messaging.compliance.ChatExport.Format.CSV;
                default -> throw ProblemException.invalid("format", "invalid_value", "format must be json or csv");
            };
            var c = export.start(auth.principal(ctx), id(ctx), format);
            ctx.contentType(format == org.queqiao.messaging.compliance.ChatExport.Format.CSV ? "text/csv; charset=utf-8" : "application/json");
            ctx.header("Content-Disposition", "attachment; filename=\"conversation-" + c.id() + "." + f + "\"");
            export.write(c, format, ctx.outputStream());
        });
    }

    private static Map<String, Object> policyView(org.queqiao.messaging.compliance.ChatPolicy p) {
        Map<String, Object> v = new java.util.LinkedHashMap<>();
        v.put("retentionDays", p.retentionDays() == null ? 0 : p.retentionDays());
        v.put("sensitiveWords", p.sensitiveWords());
        v.put("updatedBy", p.updatedBy());
        v.put("updatedAt", p.updatedAt());
        return v;
    }

    private Body body(Context ctx) {
        return Body.of(ctx, settings.maxBodyBytes());
    }

    private static UUID id(Context ctx) {
        return PathIds.id(ctx, "Conversation");
    }

    private static UUID memberId(Context ctx) {
        UUID id = org.queqiao.platform.id.Ids.parseOrNull(ctx.pathParam("memberId"));
        if (id == null) throw ProblemException.notFound("Member");
        return id;
    }

    private static long seq(Context ctx) {
        try {
            long s = Long.parseLong(ctx.pathParam("seq"));
            if (s >= 1) return s;
        } catch (NumberFormatException ignored) {
            // falls through to 404: a malformed number names no message
        }
        throw new ProblemException(404, "no_such_message", "There is no such message", "seq", null);
    }

    private static Long seqParam(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return null;
        try {
            long s = Long.parseLong(v.strip());
            if (s >= 0) return s;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ProblemException.invalid(name, "invalid_number", name + " must be a whole number, 0 or more");
    }

    private static Instant instant(Body b, String field) {
        String v = b.string(field);
        if (v == null) return null;
        try {
            return Instant.parse(v);
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.invalid(field, "invalid_time", field + " must be an ISO-8601 instant such as 2026-01-01T08:00:00Z");
        }
    }
}
