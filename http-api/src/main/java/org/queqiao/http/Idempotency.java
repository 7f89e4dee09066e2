package org.queqiao.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.queqiao.platform.auth.Principal;
import org.queqiao.platform.idempotency.IdempotencyStore;
import org.queqiao.platform.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

/**
 * {@code Idempotency-Key} support for creating POSTs: the first successful response is remembered
 * per caller and key and replayed for retries; the same key with a different request is refused.
 */
public final class Idempotency {
    public static final String HEADER = "Idempotency-Key";

    private final IdempotencyStore store;
    private final Auth auth;

    public Idempotency(IdempotencyStore store, Auth auth) {
        this.store = store;
        this.auth = auth;
    }

    public Handler wrap(Handler handler) {
        return ctx -> {
            String key = ctx.header(HEADER);
            if (key == null) {
                handler.handle(ctx);
                return;
            }
            if (key.isBlank() || key.length() > 200 || !key.chars().allMatch(c -> c > 32 && c < 127)) {
                throw ProblemException.invalid(HEADER, "invalid_idempotency_key", "Idempotency-Key must be 1 to 200 visible ASCII characters");
            }
            Principal p = auth.principal(ctx);
            String hash = hash(ctx);
            Optional<IdempotencyStore.Recorded> seen = store.claim(p.memberId(), key, hash);
            if (seen.isPresent()) {
                replay(ctx, seen.get(), hash);
                return;
            }
            try {
                handler.handle(ctx);
            } catch (Exception e) {
                store.release(p.memberId(), key);
                throw e;
            }
            String body = ctx.attribute(Respond.BODY_ATTR);
            int status = ctx.statusCode();
            if (status < 300 && body != null) store.complete(p.memberId(), key, status, body);
            else store.release(p.memberId(), key);
        };
    }

    private static void replay(Context ctx, IdempotencyStore.Recorded r, String hash) {
        if (!r.requestHash().equals(hash)) {
            throw new ProblemException(422, "idempotency_key_reused", "This Idempotency-Key was used for a different request", HEADER, null);
        }
        if (r.status() == null) {
            throw ProblemException.conflict("idempotency_in_progress", "The first request with this Idempotency-Key is still running; retry shortly", HEADER);
        }
        ctx.header("Idempotent-Replayed", "true");
        ctx.status(r.status()).contentType("application/json").result(r.body());
    }

    private static String hash(Context ctx) throws Exception {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        d.update((ctx.method() + " " + ctx.path() + "\n").getBytes(StandardCharsets.UTF_8));
        d.update(ctx.bodyAsBytes());
        return HexFormat.of().formatHex(d.digest());
    }
}
