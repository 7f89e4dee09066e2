package org.queqiao.http;

import io.javalin.http.Context;
import org.queqiao.platform.auth.Principal;
import org.queqiao.platform.auth.TokenAuthenticator;
import org.queqiao.platform.problem.ProblemException;

/** Bearer-token authentication for every route except the few public ones. */
public final class Auth {
    private static final String ATTR = "queqiao.principal";

    private final TokenAuthenticator authenticator;

    public Auth(TokenAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    /** The caller, authenticating on first use within the request. */
    public Principal principal(Context ctx) {
        Principal cached = ctx.attribute(ATTR);
        if (cached != null) return cached;
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ProblemException.unauthorized("auth_required", "Sign in first: send Authorization: Bearer <token>");
        }
        Principal p = authenticator.authenticate(header.substring(7).strip())
                .orElseThrow(() -> ProblemException.unauthorized("invalid_token", "Your session has ended or was revoked; sign in again"));
        ctx.attribute(ATTR, p);
        return p;
    }
}
