package org.queqiao.http.routes;

import org.queqiao.directory.Invitation;
import org.queqiao.directory.Organization;
import org.queqiao.http.ApiRoutes;
import org.queqiao.http.ApiServices;
import org.queqiao.http.ApiSettings;
import org.queqiao.http.Auth;
import org.queqiao.http.Body;
import org.queqiao.http.Respond;
import org.queqiao.http.Views;
import org.queqiao.identity.SignedIn;
import org.queqiao.platform.auth.Principal;
import org.queqiao.platform.auth.Role;
import org.queqiao.platform.problem.ProblemException;

import java.time.Duration;
import java.util.Map;

/** Invitations: admins create, list and revoke them; anyone with a code may look it up and join. */
public final class InvitationRoutes {
    private final ApiServices s;
    private final ApiSettings settings;
    private final Auth auth;
    private final AccountRoutes accounts;
    private final Duration defaultTtl;

    public InvitationRoutes(ApiServices s, ApiSettings settings, Auth auth, AccountRoutes accounts, Duration defaultTtl) {
        this.s = s;
        this.settings = settings;
        this.auth = auth;
        this.accounts = accounts;
        this.defaultTtl = defaultTtl;
    }

    public void register(ApiRoutes r) {
        r.get("/api/v1/invitations", ctx -> {
            String base = Clients.baseUrl(ctx, settings.publicUrl());
            Respond.ok(ctx, Map.of("items", s.invitations().list(auth.principal(ctx)).stream().map(i -> Views.invitation(i, base)).toList()));
        });
        r.create("/api/v1/invitations", ctx -> {
            Principal p = auth.principal(ctx);
            Body b = Body.of(ctx, settings.maxBodyBytes());
            Integer hours = b.integer("expiresInHours");
            Duration ttl = hours == null ? defaultTtl : Duration.ofHours(hours);
            Role role = b.oneOf("role", Role::fromWire, "admin, member, guest");
            Invitation inv = s.invitations().create(p, role == null ? Role.MEMBER : role, ttl, b.integer("maxUses"));
            Respond.created(ctx, Views.invitation(inv, Clients.baseUrl(ctx, settings.publicUrl())));
        });
        r.delete("/api/v1/invitations/{id}", ctx -> {
            s.invitations().revoke(auth.principal(ctx), PathIds.id(ctx, "Invitation"));
            Respond.noContent(ctx);
        });
        r.get("/api/v1/invitations/code/{code}", ctx -> {
            Invitation inv = s.invitations().usable(ctx.pathParam("code"));
            Organization org = s.organizations().byId(inv.orgId());
            Respond.ok(ctx, Map.of("orgName", org.name(), "role", inv.role().wire(), "expiresAt", inv.expiresAt()));
        });
        r.post("/api/v1/invitations/code/{code}/accept", ctx -> {
            Body b = Body.of(ctx, settings.maxBodyBytes());
            if (ctx.pathParam("code").length() > 40) throw ProblemException.notFound("Invitation");
            SignedIn in = s.accounts().acceptInvitation(ctx.pathParam("code"), b.string("name"), b.string("email"), b.string("password"),
                    Clients.of(ctx, b.string("deviceName")));
            Respond.created(ctx, accounts.signedIn(in));
        });
    }
}
