package org.queqiao.identity;

import org.queqiao.platform.problem.ProblemException;

import java.security.SecureRandom;

/** What a password must be, and temporary passwords an admin hands out. */
public final class PasswordPolicy {
    private static final char[] TEMP_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    public static final int MAX_LENGTH = 256;

    private final int minLength;

    public PasswordPolicy(int minLength) {
        this.minLength = minLength;
    }

    public String check(String field, String password, String email) {
        if (password == null || password.isEmpty()) throw ProblemException.invalid(field, "required", field + " is required");
        int len = password.codePointCount(0, password.length());
        if (len < minLength) throw ProblemException.invalid(field, "password_too_short", "A password needs at least " + minLength + " characters");
        if (len > MAX_LENGTH) throw ProblemException.invalid(field, "too_long", "A password has at most " + MAX_LENGTH + " characters");
        if (password.chars().distinct().count() < 4) throw ProblemException.invalid(field, "password_too_simple", "Use a password with more different characters");
        if (email != null && password.equalsIgnoreCase(email)) throw ProblemException.invalid(field, "password_is_email", "The password cannot be your e-mail");
        return password;
    }

    public String temporary() {
        char[] c = new char[14];
        for (int i = 0; i < c.length; i++) c[i] = TEMP_ALPHABET[RANDOM.nextInt(TEMP_ALPHABET.length)];
        return new String(c);
    }
}
