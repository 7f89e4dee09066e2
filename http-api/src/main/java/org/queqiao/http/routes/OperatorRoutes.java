package org.queqiao.http.routes;

import io.javalin.http.Context;
import org.queqiao.directory.Organization;
import org.queqiao.http.ApiRoutes;
import org.queqiao.http.ApiServices;
import org.queqiao.http.ApiSettings;
import org.queqiao.http.Body;
import org.queqiao.http.Respond;
import org.queqiao.http.Views;
import org.queqiao.platform.page.Page;
import org.queqiao.platform.page.PageRequest;
import org.queqiao.platform.problem.ProblemException;
import org.queqiao.platform.problem.Validate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.UUID;

/**
 * The operator's API (the organisation running the deployment, not a tenant): organisations and their
 * plans. Authenticated by {@code operator.token}; turned off while that is empty.
 */
public final class OperatorRoutes {
    private final ApiServices s;
    private final ApiSettings settings;
    private final byte[] token;

    public OperatorRoutes(ApiServices s, ApiSettings settings, String operatorToken) {
        this.s = s;
        this.settings = settings;
        this.token = operatorToken == null ? null : operatorToken.getBytes(StandardCharsets.UTF_8);
    }

    public void register(ApiRoutes r) {
        r.get("/api/operator/v1/plans", ctx -> {
            requireOperator(ctx);
            Respond.ok(ctx, Map.of("items", s.organizations().plans().stream().map(Views::plan).toList()));
        });
        r.put("/api/operator/v1/plans/{id}", ctx -> {
            requireOperator(ctx);
            Body b = Body.of(ctx, settings.maxBodyBytes());
            Respond.ok(ctx, Views.plan(s.organizations().savePlan(ctx.pathParam("id"), b.string("name"), b.object("quotas"))));
        });
        r.get("/api/operator/v1/orgs", ctx -> {
            requireOperator(ctx);
            Page<Organization> page = s.organizations().listForOperator(PageRequest.parse(ctx.queryParam("cursor"), ctx.queryParam("limit")));
            Respond.ok(ctx, Views.page(page.items().stream().map(this::view).toList(), page.nextCursor()));
        });
        r.post("/api/operator/v1/orgs/{id}/plan", ctx -> {
            requireOperator(ctx);
            UUID id = PathIds.id(ctx, "Organisation");
            Body b = Body.of(ctx, settings.maxBodyBytes());
            s.organizations().changePlan(id, Validate.required("planId", b.string("planId")));
            Respond.ok(ctx, view(s.organizations().byId(id)));
        });
    }

    private Map<String, Object> view(Organization o) {
        return Views.org(o, s.organizations().planOf(o.id()), s.organizations().usage(o.id()));
    }

    private void requireOperator(Context ctx) {
        if (token == null) throw ProblemException.forbidden("operator_api_disabled", "The operator API is off; set operator.token to use it");
        String header = ctx.header("Authorization");
        byte[] given = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).strip().getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (!MessageDigest.isEqual(token, given)) throw ProblemException.unauthorized("invalid_operator_token", "Send Authorization: Bearer <operator.token>");
    }
}
