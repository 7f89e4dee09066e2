package org.queqiao.platform.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Bearer tokens for people without an account (meeting guests {@code qg_}, desk visitors {@code qv_}):
 * 256 random bits after a prefix that tells the gateway which authenticator to ask without a lookup.
 * Only their SHA-256 is stored, so a leaked table holds no usable token.
 */
public final class OpaqueTokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ENCODED_LENGTH = 43;

    private OpaqueTokens() {}

    public static String newToken(String prefix) {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Shaped like a token with this prefix (a cheap check before touching the database). */
    public static boolean hasShape(String token, String prefix) {
        return token != null && token.length() == prefix.length() + ENCODED_LENGTH && token.startsWith(prefix);
    }

    public static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
