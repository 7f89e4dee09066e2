package org.queqiao.http.routes;

import org.queqiao.directory.Department;
import org.queqiao.http.ApiRoutes;
import org.queqiao.http.ApiServices;
import org.queqiao.http.ApiSettings;
import org.queqiao.http.Auth;
import org.queqiao.http.Body;
import org.queqiao.http.Respond;
import org.queqiao.http.Views;
import org.queqiao.platform.auth.Principal;
import org.queqiao.platform.problem.ProblemException;

import java.util.Map;
import java.util.UUID;

/** The department tree: list, create, rename and move (PATCH), delete when empty. */
public final class DepartmentRoutes {
    private final ApiServices s;
    private final ApiSettings settings;
    private final Auth auth;

    public DepartmentRoutes(ApiServices s, ApiSettings settings, Auth auth) {
        this.s = s;
        this.settings = settings;
        this.auth = auth;
    }

    public void register(ApiRoutes r) {
        r.get("/api/v1/departments", ctx -> Respond.ok(ctx,
                Map.of("items", s.departments().list(auth.principal(ctx)).stream().map(Views::department).toList())));
        r.create("/api/v1/departments", ctx -> {
            Principal p = auth.principal(ctx);
            Body b = Body.of(ctx, settings.maxBodyBytes());
            Respond.created(ctx, Views.department(s.departments().create(p, b.string("name"), b.id("parentId"))));
        });
        r.get("/api/v1/departments/{id}", ctx -> Respond.ok(ctx,
                Views.department(s.departments().get(auth.principal(ctx), PathIds.id(ctx, "Department")))));
        r.patch("/api/v1/departments/{id}", ctx -> {
            Principal p = auth.principal(ctx);
            UUID id = PathIds.id(ctx, "Department");
            Body b = Body.of(ctx, settings.maxBodyBytes());
            if (!b.has("name") && !b.has("parentId")) {
                throw ProblemException.invalid("body", "nothing_to_change", "Send name and/or parentId");
            }
            Department d = null;
            if (b.has("name")) d = s.departments().rename(p, id, b.string("name"));
            if (b.has("parentId")) d = s.departments().move(p, id, b.id("parentId"));
            Respond.ok(ctx, Views.department(d));
        });
        r.delete("/api/v1/departments/{id}", ctx -> {
            s.departments().delete(auth.principal(ctx), PathIds.id(ctx, "Department"));
            Respond.noContent(ctx);
        });
    }
}
