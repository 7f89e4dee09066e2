package org.queqiao.http.routes;

import org.queqiao.http.ApiRoutes;
import org.queqiao.http.ApiServices;
import org.queqiao.http.ApiSettings;
import org.queqiao.http.Auth;
import org.queqiao.http.Body;
import org.queqiao.http.Respond;
import org.queqiao.http.Views;
import org.queqiao.messaging.notice.UrgentNotices;
import org.queqiao.platform.auth.Principal;
import org.queqiao.platform.page.PageRequest;
import org.queqiao.platform.problem.ProblemException;

import java.util.Map;

/** Urgent notices (DING / 加急): send, confirm, watch the confirmations, notify the rest again. */
public final class NoticeRoutes {
    private static final String N = "/api/v1/urgent-notices";
    private final UrgentNotices notices;
    private final ApiSettings settings;
    private final Auth auth;

    public NoticeRoutes(ApiServices s, ApiSettings settings, Auth auth) {
        this.notices = s.notices();
        this.settings = settings;
        this.auth = auth;
    }

    public void register(ApiRoutes r) {
        r.create(N, ctx -> {
            Principal p = auth.principal(ctx);
            Body b = Body.of(ctx, settings.maxBodyBytes());
            Respond.created(ctx, UrgentNotices.view(notices.send(p, b.string("text"), b.ids("memberIds"), b.ids("departmentIds")), false));
        });
        r.get(N, ctx -> {
            var page = notices.sent(auth.principal(ctx), PageRequest.parse(ctx.queryParam("cursor"), ctx.queryParam("limit")));
            Respond.ok(ctx, Views.page(page.items().stream().map(n -> UrgentNotices.view(n, false)).toList(), page.nextCursor()));
        });
        r.get(N + "/pending", ctx -> Respond.ok(ctx, Map.of("items",
                notices.pending(auth.principal(ctx)).stream().map(n -> UrgentNotices.view(n, false)).toList())));
        r.get(N + "/{id}", ctx -> Respond.ok(ctx, UrgentNotices.view(notices.get(auth.principal(ctx), PathIds.id(ctx, "Urgent notice")), false)));
        r.get(N + "/{id}/recipients", ctx -> {
            String state = ctx.queryParam("state");
            if (state != null && !state.equals("confirmed") && !state.equals("unconfirmed")) {
                throw ProblemException.invalid("state", "invalid_value", "state must be confirmed or unconfirmed");
            }
            var page = notices.recipients(auth.principal(ctx), PathIds.id(ctx, "Urgent notice"), "confirmed".equals(state),
                    PageRequest.parse(ctx.queryParam("cursor"), ctx.queryParam("limit")));
            Respond.ok(ctx, Views.page(page.items(), page.nextCursor()));
        });
        r.post(N + "/{id}/confirm", ctx -> Respond.ok(ctx,
                UrgentNotices.view(notices.confirm(auth.principal(ctx), PathIds.id(ctx, "Urgent notice")), false)));
        r.post(N + "/{id}/renotify", ctx -> Respond.ok(ctx,
                Map.of("notified", notices.renotify(auth.principal(ctx), PathIds.id(ctx, "Urgent notice")))));
    }
}
