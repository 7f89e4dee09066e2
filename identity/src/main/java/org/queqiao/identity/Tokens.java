package org.queqiao.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Opaque bearer tokens: 256 random bits; only their SHA-256 is stored, so a database leak yields no usable token. */
final class Tokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    static final String PREFIX = "qq_";

    private Tokens() {}

    static String newToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Cheap shape check before touching the database. */
    static boolean plausible(String token) {
        return token != null && token.length() == PREFIX.length() + 43 && token.startsWith(PREFIX);
    }
}
