package org.queqiao.meetings.guest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Guest tokens: 256 random bits with their own prefix ({@code qg_}), so the gateway can tell them
 * from members' tokens ({@code qq_}) without a lookup. Only their SHA-256 is stored.
 */
public final class GuestTokens {
    static final String PREFIX = "qg_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private GuestTokens() {}

    static String newToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Shaped like a guest token (cheap check before touching the database). */
    public static boolean isGuestToken(String token) {
        return token != null && token.length() == PREFIX.length() + 43 && token.startsWith(PREFIX);
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
