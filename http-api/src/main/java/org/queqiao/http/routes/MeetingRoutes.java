package org.queqiao.http.routes;

import io.javalin.http.Context;
import org.queqiao.http.ApiRoutes;
import org.queqiao.http.ApiServices;
import org.queqiao.http.ApiSettings;
import org.queqiao.http.Auth;
import org.queqiao.http.Body;
import org.queqiao.http.Respond;
import org.queqiao.http.Views;
import org.queqiao.meetings.InviteCalendar;
import org.queqiao.meetings.Meeting;
import org.queqiao.meetings.Meetings;
import org.queqiao.meetings.wire.MeetingInput;
import org.queqiao.meetings.wire.MeetingViews;
import org.queqiao.platform.auth.Principal;
import org.queqiao.platform.page.PageRequest;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Meetings over HTTP: create and schedule, read, change, cancel, my personal room, the invite file,
 * the public look-up by number, the chat card, guest passes and attendance. The live meeting itself
 * runs over the WebSocket (meeting.* operations, docs/meeting-protocol.md).
 */
public final class MeetingRoutes {
    private static final String M = "/api/v1/meetings";
    private final Meetings meetings;
    private final ApiSettings settings;
    private final Auth auth;

    public MeetingRoutes(ApiServices s, ApiSettings settings, Auth auth) {
        this.meetings = s.meetings();
        this.settings = settings;
        this.auth = auth;
    }

    public void register(ApiRoutes r) {
        r.create(M, ctx -> {
            Principal p = auth.principal(ctx);
            Meeting m = meetings.planner().create(p, MeetingInput.meeting(body(ctx)));
            Respond.created(ctx, meetings.view(p, m, base(ctx)));
        });
        r.get(M, ctx -> {
            Principal p = auth.principal(ctx);
            var page = meetings.planner().mine(p, PageRequest.parse(ctx.queryParam("cursor"), ctx.queryParam("limit")));
            String base = base(ctx);
            Respond.ok(ctx, Views.page(page.items().stream().map(m -> meetings.view(p, m, base)).toList(), page.nextCursor()));
        });
        // before /{id}, which would otherwise take these names for ids
        r.get(M + "/personal-room", ctx -> {
            Principal p = auth.principal(ctx);
            Respond.ok(ctx, meetings.view(p, meetings.planner().personalRoom(p), base(ctx)));
        });
        r.get(M + "/lookup/{number}", ctx -> Respond.ok(ctx, meetings.views().publicSummary(meetings.lookup(ctx.pathParam("number")))));
        r.post(M + "/guest-sessions", ctx -> {
            Body b = body(ctx);
            var t = meetings.guests().issue(b.string("number"), b.string("passcode"), b.string("displayName"), ctx.ip());
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("token", t.token());
            v.put("expiresAt", t.expiresAt());
            v.put("meetingId", t.meetingId());
            v.put("guestId", t.guestId());
            v.put("displayName", t.displayName());
            Respond.created(ctx, v);
        });
        r.get(M + "/{id}", ctx -> {
            Principal p = auth.principal(ctx);
            Respond.ok(ctx, meetings.view(p, meetings.planner().get(p, id(ctx)), base(ctx)));
        });
        r.patch(M + "/{id}", ctx -> {
            Principal p = auth.principal(ctx);
            Meeting m = meetings.planner().update(p, id(ctx), MeetingInput.meeting(body(ctx)));
            Respond.ok(ctx, meetings.view(p, m, base(ctx)));
        });
        r.delete(M + "/{id}", ctx -> {
            meetings.planner().cancel(auth.principal(ctx), id(ctx));
            Respond.noContent(ctx);
        });
        r.get(M + "/{id}/invite.ics", ctx -> {
            Meeting m = meetings.planner().get(auth.principal(ctx), id(ctx));
            String base = base(ctx);
            String ics = InviteCalendar.ics(m, MeetingViews.inviteUrl(base, m), host(base), meetings.clock().instant());
            ctx.header("Content-Disposition", "attachment; filename=\"meeting-" + m.number() + ".ics\"");
            ctx.status(200).contentType("text/calendar; charset=utf-8").result(ics);
        });
        r.create(M + "/{id}/card", ctx -> {
            Principal p = auth.principal(ctx);
            Body b = body(ctx);
            Meeting m = meetings.planner().get(p, id(ctx));
            Respond.created(ctx, meetings.cards().post(p, m.id(), b.requiredId("conversationId"), b.string("clientMsgId"),
                    MeetingViews.inviteUrl(base(ctx), m)));
        });
        r.get(M + "/{id}/attendance", ctx -> {
            var report = meetings.attendance().of(auth.principal(ctx), id(ctx), PageRequest.parse(ctx.queryParam("cursor"), ctx.queryParam("limit")));
            Respond.ok(ctx, MeetingViews.attendance(report));
        });
    }

    private Body body(Context ctx) {
        return Body.of(ctx, settings.maxBodyBytes());
    }

    private String base(Context ctx) {
        return Clients.baseUrl(ctx, settings.publicUrl());
    }

    private static java.util.UUID id(Context ctx) {
        return PathIds.id(ctx, "Meeting");
    }

    /** The host name, for calendar UIDs (unique per deployment). */
    private static String host(String base) {
        try {
            String h = URI.create(base).getHost();
            return h == null ? "queqiao" : h;
        } catch (IllegalArgumentException e) {
            return "queqiao";
        }
    }
}
