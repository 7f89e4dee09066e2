package org.queqiao.http.routes;

import io.javalin.http.Context;
import org.queqiao.directory.Member;
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
import org.queqiao.platform.id.Ids;
import org.queqiao.platform.problem.ProblemException;

import java.util.Map;

/** Sign-up, sign-in and sign-out, the caller's own account and devices, and the client bootstrap. */
public final class AccountRoutes {
    private final ApiServices s;
    private final ApiSettings settings;
    private final Auth auth;

    public AccountRoutes(ApiServices s, ApiSettings settings, Auth auth) {
        this.s = s;
        this.settings = settings;
        this.auth = auth;
    }

    public void register(ApiRoutes r) {
        r.get("/api/v1/client-config", this::clientConfig);
        r.post("/api/v1/signup", this::signup);
        r.post("/api/v1/sessions", this::login);
        r.post("/api/v1/activate", ctx -> {
            Body b = Body.of(ctx, settings.maxBodyBytes());
            SignedIn in = s.activations().activate(b.string("email"), b.string("code"), b.string("password"), Clients.of(ctx, b.string("deviceName")));
            Respond.created(ctx, signedIn(in));
        });
        r.delete("/api/v1/sessions/current", ctx -> {
            Principal p = auth.principal(ctx);
            s.sessions().revoke(p, p.sessionId());
            Respond.noContent(ctx);
        });
        r.get("/api/v1/me", this::me);
        r.get("/api/v1/me/sessions", ctx -> {
            Principal p = auth.principal(ctx);
            Respond.ok(ctx, Map.of("items", s.sessions().list(p).stream().map(x -> Views.session(x, p.sessionId())).toList()));
        });
        r.delete("/api/v1/me/sessions/{id}", ctx -> {
            Principal p = auth.principal(ctx);
            var id = Ids.parseOrNull(ctx.pathParam("id"));
            if (id == null) throw ProblemException.notFound("Session");
            s.sessions().revoke(p, id);
            Respond.noContent(ctx);
        });
        r.delete("/api/v1/me/sessions", ctx -> {
            Principal p = auth.principal(ctx);
            s.sessions().revokeAll(p.orgId(), p.memberId(), null);
            Respond.noContent(ctx);
        });
        r.post("/api/v1/me/password", ctx -> {
            Principal p = auth.principal(ctx);
            Body b = Body.of(ctx, settings.maxBodyBytes());
            s.accounts().changePassword(p, b.string("currentPassword"), b.string("newPassword"));
            Respond.noContent(ctx);
        });
    }

    private void clientConfig(Context ctx) {
        String gw = Clients.gatewayUrl(ctx, settings);
        var chat = s.messaging().settings();
        Respond.ok(ctx, Map.of("signupEnabled", s.accounts().signupEnabled(), "gatewayUrl", gw, "version", settings.version(),
                "chat", Map.of("maxTextChars", chat.maxTextChars(), "recallWindowSeconds", chat.recallWindow().toSeconds(),
                        "maxGroupMembers", chat.maxGroupMembers(), "receiptPushMaxMembers", chat.receiptPushMaxMembers(),
                        "typingMaxMembers", chat.typingMaxMembers(), "maxFileBytes", chat.maxFileBytes())));
    }

    private void signup(Context ctx) {
        Body b = Body.of(ctx, settings.maxBodyBytes());
        SignedIn in = s.accounts().signup(b.string("orgName"), b.string("name"), b.string("email"), b.string("password"),
                Clients.of(ctx, b.string("deviceName")));
        Respond.created(ctx, signedIn(in));
    }

    private void login(Context ctx) {
        Body b = Body.of(ctx, settings.maxBodyBytes());
        SignedIn in = s.sessions().login(b.string("email"), b.string("password"), Clients.of(ctx, b.string("deviceName")));
        Respond.created(ctx, signedIn(in));
    }

    private void me(Context ctx) {
        Principal p = auth.principal(ctx);
        Member m = s.members().find(p.orgId(), p.memberId());
        Organization org = s.organizations().get(p);
        Respond.ok(ctx, Map.of("member", Views.member(m), "mustChangePassword", s.accounts().mustChangePassword(p),
                "org", Views.org(org, s.organizations().planOf(org.id()), s.organizations().usage(org.id()))));
    }

    Map<String, Object> signedIn(SignedIn in) {
        Principal p = new Principal(in.member().id(), in.member().orgId(), in.member().role(), in.session().id());
        Organization org = s.organizations().byId(in.member().orgId());
        return Map.of("token", in.token(), "session", Views.session(in.session(), in.session().id()), "member", Views.member(in.member()),
                "mustChangePassword", s.accounts().mustChangePassword(p),
                "org", Views.org(org, s.organizations().planOf(org.id()), s.organizations().usage(org.id())));
    }

}
