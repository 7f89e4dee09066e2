package org.queqiao.http.routes;

import io.javalin.http.Context;
import org.queqiao.desk.Channel;
import org.queqiao.desk.Desk;
import org.queqiao.desk.DeskAdmin;
import org.queqiao.desk.SkillGroup;
import org.queqiao.desk.visitor.VisitorSessions;
import org.queqiao.desk.wire.DeskViews;
import org.queqiao.http.ApiRoutes;
import org.queqiao.http.ApiServices;
import org.queqiao.http.ApiSettings;
import org.queqiao.http.Auth;
import org.queqiao.http.Body;
import org.queqiao.http.Respond;
import org.queqiao.http.Views;
import org.queqiao.platform.auth.Principal;
import org.queqiao.platform.page.PageRequest;
import org.queqiao.platform.problem.ProblemException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The customer-service desk over HTTP: setting it up (groups, agent seats, channels, canned responses,
 * for admins), conversation lists for supervisors, the widget's public session endpoint, and the API
 * channel (a visitor's token posts and reads like the widget does). Agents work over the WebSocket
 * ({@code desk.*}, docs/desk-protocol.md).
 */
public final class DeskRoutes {
    private static final String D = "/api/v1/desk";
    private final Desk desk;
    private final DeskViews views;
    private final ApiSettings settings;
    private final Auth auth;
    private final Auth visitorAuth;

    public DeskRoutes(ApiServices s, ApiSettings settings, Auth auth) {
        this.desk = s.desk();
        this.views = s.deskViews();
        this.settings = settings;
        this.auth = auth;
        this.visitorAuth = new Auth(s.desk().visitorSessions());
    }

    public void register(ApiRoutes r) {
        r.get(D + "/groups", ctx -> Respond.ok(ctx, Views.page(desk.admin().groups(member(ctx)), null)));
        r.create(D + "/groups", ctx -> Respond.created(ctx, desk.admin().createGroup(member(ctx), group(body(ctx)))));
        r.patch(D + "/groups/{id}", ctx -> Respond.ok(ctx, desk.admin().updateGroup(member(ctx), id(ctx, "Group"), group(body(ctx)))));
        r.delete(D + "/groups/{id}", ctx -> {
            desk.admin().deleteGroup(member(ctx), id(ctx, "Group"));
            Respond.noContent(ctx);
        });
        r.get(D + "/agents", ctx -> Respond.ok(ctx, Views.page(desk.admin().agents(member(ctx)), null)));
        r.create(D + "/agents", ctx -> {
            Body b = body(ctx);
            Respond.created(ctx, desk.admin().addAgent(member(ctx), b.requiredId("memberId"), b.integer("maxConcurrent"),
                    Boolean.TRUE.equals(b.bool("supervisor")), b.ids("groupIds")));
        });
        r.patch(D + "/agents/{id}", ctx -> {
            Body b = body(ctx);
            Respond.ok(ctx, desk.admin().updateAgent(member(ctx), id(ctx, "Agent"), b.integer("maxConcurrent"), b.bool("supervisor"),
                    b.has("groupIds") ? b.ids("groupIds") : null));
        });
        r.delete(D + "/agents/{id}", ctx -> {
            desk.admin().removeAgent(member(ctx), id(ctx, "Agent"));
            Respond.noContent(ctx);
        });
        r.get(D + "/channels", ctx -> Respond.ok(ctx, Views.page(desk.admin().channels(member(ctx)).stream().map(DeskRoutes::channel).toList(), null)));
        r.create(D + "/channels", ctx -> {
            Body b = body(ctx);
            Channel c = desk.admin().createChannel(member(ctx), b.string("kind") == null ? "web" : b.string("kind"), b.string("name"),
                    b.id("groupId"), Boolean.TRUE.equals(b.bool("identified")), Boolean.TRUE.equals(b.bool("preChatForm")));
            Respond.created(ctx, channel(c));
        });
        r.get(D + "/canned", ctx -> Respond.ok(ctx, Views.page(desk.admin().canned(member(ctx)), null)));
        r.create(D + "/canned", ctx -> {
            Body b = body(ctx);
            Respond.created(ctx, desk.admin().addCanned(member(ctx), b.string("shortcut"), b.string("text")));
        });
        r.delete(D + "/canned/{id}", ctx -> {
            desk.admin().deleteCanned(member(ctx), id(ctx, "Canned response"));
            Respond.noContent(ctx);
        });
        r.get(D + "/faqs", ctx -> Respond.ok(ctx, Views.page(desk.knowledge().list(member(ctx)), null)));
        r.create(D + "/faqs", ctx -> {
            Body b = body(ctx);
            Respond.created(ctx, desk.knowledge().create(member(ctx), b.string("question"), strings(b, "alternatives"), b.string("answer"), b.string("category")));
        });
        r.patch(D + "/faqs/{id}", ctx -> {
            Body b = body(ctx);
            Respond.ok(ctx, desk.knowledge().update(member(ctx), id(ctx, "FAQ"), b.string("question"), strings(b, "alternatives"), b.string("answer"),
                    b.string("category")));
        });
        r.delete(D + "/faqs/{id}", ctx -> {
            desk.knowledge().delete(member(ctx), id(ctx, "FAQ"));
            Respond.noContent(ctx);
        });
        r.create(D + "/faqs/import", ctx -> Respond.ok(ctx, Map.of("imported", desk.knowledge().importCsv(member(ctx), CsvUploads.read(ctx, settings)))));
        r.get(D + "/faqs/import/template", ctx -> ctx.contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"queqiao-faqs.csv\"").result(org.queqiao.desk.bot.FaqCsv.TEMPLATE));
        r.get(D + "/faqs/unanswered", ctx -> Respond.ok(ctx, Views.page(desk.knowledge().unanswered(member(ctx), 200), null)));
        r.post(D + "/faqs/unanswered/dismiss", ctx -> {
            desk.knowledge().dismissUnanswered(member(ctx), body(ctx).string("normalized"));
            Respond.noContent(ctx);
        });
        r.patch(D + "/visitors/{id}", ctx -> Respond.ok(ctx, desk.admin().setVip(member(ctx), id(ctx, "Visitor"), Boolean.TRUE.equals(body(ctx).bool("vip")))));
        r.get(D + "/reports", ctx -> Respond.ok(ctx, Map.of("zone", desk.reports().zone().getId(), "items",
                desk.reports().report(member(ctx), ctx.queryParam("from"), ctx.queryParam("to"), ctx.queryParam("by")))));
        r.get(D + "/reports/conversations.csv", ctx -> {
            Principal p = member(ctx);
            ctx.contentType("text/csv; charset=utf-8").header("Content-Disposition", "attachment; filename=\"desk-conversations.csv\"");
            var out = new java.io.BufferedWriter(new java.io.OutputStreamWriter(ctx.outputStream(), java.nio.charset.StandardCharsets.UTF_8), 64 * 1024);
            desk.reports().exportCsv(p, ctx.queryParam("from"), ctx.queryParam("to"), out);
        });
        r.post(D + "/reports/rebuild", ctx -> Respond.ok(ctx, Map.of("days", desk.reports().rebuild(member(ctx)))));
        r.get(D + "/offline-messages", ctx -> Respond.ok(ctx, Views.page(desk.admin().offlineMessages(member(ctx)), null)));
        r.get(D + "/conversations", ctx -> {
            var page = desk.supervision().conversations(member(ctx), ctx.queryParam("state"), query(ctx, "agentId"), query(ctx, "groupId"),
                    PageRequest.parse(ctx.queryParam("cursor"), ctx.queryParam("limit")));
            Respond.ok(ctx, Views.page(page.items().stream().map(views::forAgent).toList(), page.nextCursor()));
        });

        // public: the widget on a customer's site starts (or resumes) a visitor with the channel's key
        r.post(D + "/widget/sessions", ctx -> {
            Body b = body(ctx);
            VisitorSessions.Ticket t = desk.visitorSessions().start(new VisitorSessions.Start(b.string("widgetKey"), b.string("token"),
                    b.string("userId"), b.string("signature"), b.string("name"), b.string("email"), b.string("phone")));
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("token", t.token());
            v.put("expiresAt", t.expiresAt());
            v.put("visitorId", t.visitor().id());
            v.put("channel", Map.of("name", t.channel().name(), "preChatForm", t.channel().preChatForm()));
            v.put("gatewayUrl", Clients.gatewayUrl(ctx, settings));
            Respond.created(ctx, v);
        });
        // the API channel: a visitor token from /widget/sessions, used server to server or by an app
        r.get(D + "/visitor/conversation", ctx -> {
            var o = desk.visitors().open(visitor(ctx), 0);
            Respond.ok(ctx, Map.of("conversation", views.forVisitor(o.conversation()), "entries", o.entries()));
        });
        r.post(D + "/visitor/messages", ctx -> {
            Body b = body(ctx);
            Respond.created(ctx, desk.visitors().send(visitor(ctx), b.string("clientMsgId"), b.string("text")));
        });
        r.post(D + "/visitor/human", ctx -> Respond.ok(ctx, Map.of("outcome",
                desk.visitors().askForPerson(visitor(ctx)).name().toLowerCase(java.util.Locale.ROOT))));
        r.get(D + "/visitor/conversations/{id}/transcript", ctx -> {
            Principal v = visitor(ctx);
            var entries = desk.visitors().transcript(v, id(ctx, "Conversation"), 0);
            if ("text".equals(ctx.queryParam("format"))) {
                ctx.header("Content-Disposition", "attachment; filename=\"transcript.txt\"");
                ctx.contentType("text/plain; charset=utf-8").result(DeskTranscript.text(entries, v.memberId()));
            } else {
                Respond.ok(ctx, Map.of("entries", entries));
            }
        });
    }

    private static Map<String, Object> channel(Channel c) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", c.id());
        v.put("kind", c.kind());
        v.put("name", c.name());
        v.put("widgetKey", c.widgetKey());
        if (c.identitySecret() != null) v.put("identitySecret", c.identitySecret());
        v.put("groupId", c.groupId());
        v.put("preChatForm", c.preChatForm());
        v.put("createdAt", c.createdAt());
        return v;
    }

    private static DeskAdmin.GroupInput group(Body b) {
        return new DeskAdmin.GroupInput(b.string("name"), b.string("routing"), b.has("businessHours") ? b.object("businessHours") : null,
                b.longValue("slaFirstResponseSeconds"), b.longValue("slaResolutionSeconds"), b.longValue("maxWaitSeconds"));
    }

    private static List<String> strings(Body b, String field) {
        return b.has(field) ? b.array(field).stream().map(n -> n.isTextual() ? n.asText() : null).toList() : null;
    }

    private Principal member(Context ctx) {
        return auth.principal(ctx);
    }

    private Principal visitor(Context ctx) {
        return visitorAuth.principal(ctx);
    }

    private Body body(Context ctx) {
        return Body.of(ctx, settings.maxBodyBytes());
    }

    private static UUID id(Context ctx, String what) {
        return PathIds.id(ctx, what);
    }

    private static UUID query(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return null;
        UUID id = org.queqiao.platform.id.Ids.parseOrNull(v);
        if (id == null) throw ProblemException.invalid(name, "invalid_id", name + " must be an id");
        return id;
    }
}
