package org.queqiao.http.routes;

import org.queqiao.directory.Organization;
import org.queqiao.http.ApiRoutes;
import org.queqiao.http.ApiServices;
import org.queqiao.http.ApiSettings;
import org.queqiao.http.Auth;
import org.queqiao.http.Body;
import org.queqiao.http.Respond;
import org.queqiao.http.Views;
import org.queqiao.platform.auth.Access;
import org.queqiao.platform.auth.Principal;
import org.queqiao.platform.page.Page;
import org.queqiao.platform.page.PageRequest;

import java.util.Map;

/** The caller's organisation, the plans on offer, and the audit trail. */
public final class OrgRoutes {
    private final ApiServices s;
    private final ApiSettings settings;
    private final Auth auth;

    public OrgRoutes(ApiServices s, ApiSettings settings, Auth auth) {
        this.s = s;
        this.settings = settings;
        this.auth = auth;
    }

    public void register(ApiRoutes r) {
        r.get("/api/v1/org", ctx -> {
            Principal p = auth.principal(ctx);
            Respond.ok(ctx, view(s.organizations().get(p)));
        });
        r.patch("/api/v1/org", ctx -> {
            Principal p = auth.principal(ctx);
            Body b = Body.of(ctx, settings.maxBodyBytes());
            Respond.ok(ctx, view(s.organizations().rename(p, b.string("name"))));
        });
        r.get("/api/v1/plans", ctx -> {
            auth.principal(ctx);
            Respond.ok(ctx, Map.of("items", s.organizations().plans().stream().map(Views::plan).toList()));
        });
        r.get("/api/v1/audit", ctx -> {
            Principal p = auth.principal(ctx);
            Access.requireAdmin(p);
            Page<?> page = s.audit().list(p.orgId(), PageRequest.parse(ctx.queryParam("cursor"), ctx.queryParam("limit")));
            Respond.ok(ctx, Views.page(page.items(), page.nextCursor()));
        });
    }

    private Map<String, Object> view(Organization org) {
        return Views.org(org, s.organizations().planOf(org.id()), s.organizations().usage(org.id()));
    }
}
