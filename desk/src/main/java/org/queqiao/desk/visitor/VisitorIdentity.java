package org.queqiao.desk.visitor;

import org.queqiao.platform.problem.ProblemException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * A customer's site vouches for its signed-in user: it computes {@code HMAC-SHA256(channel secret, userId)}
 * on its server and puts the hex digest next to the user id in the widget. We recompute it and compare in
 * constant time; a wrong or missing signature is refused, never quietly treated as anonymous, because
 * the id would otherwise let anyone read that customer's conversations.
 */
public final class VisitorIdentity {
    static final int MAX_USER_ID = 128;

    private VisitorIdentity() {}

    public static String verify(String secret, String userId, String signature) {
        if (userId == null || userId.isBlank() || userId.length() > MAX_USER_ID) {
            throw ProblemException.invalid("userId", "invalid_user_id", "userId must be 1 to " + MAX_USER_ID + " characters");
        }
        if (secret == null) throw badSignature("This channel does not accept identified visitors (it has no identity secret)");
        byte[] expected = sign(secret, userId);
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature == null ? "" : signature.trim().toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw badSignature("signature must be the hex HMAC-SHA256 of userId with the channel's identity secret");
        }
        if (!MessageDigest.isEqual(expected, given)) {
            throw badSignature("The signature does not match userId: sign it on your server with the channel's identity secret");
        }
        return userId;
    }

    public static byte[] sign(String secret, String userId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(userId.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProblemException badSignature(String message) {
        return new ProblemException(401, "bad_visitor_signature", message, "signature", null);
    }
}
