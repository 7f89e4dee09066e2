package org.queqiao.meetings;

import org.queqiao.platform.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

/**
 * Meeting passcodes: 4 to 10 digits. Stored as they are, because the host (and members of the
 * organisation) must be able to read them out; compared in constant time so that response timing
 * gives nothing away. Guessing is throttled separately ({@link PasscodeThrottle}).
 */
public final class Passcodes {
    private static final Pattern DIGITS = Pattern.compile("^[0-9]{4,10}$");

    private Passcodes() {}

    /** A passcode as given when creating or changing a meeting; null or empty means none. */
    public static String validate(String passcode) {
        if (passcode == null || passcode.isEmpty()) return null;
        if (!DIGITS.matcher(passcode).matches()) {
            throw ProblemException.invalid("passcode", "invalid_passcode", "passcode must be 4 to 10 digits");
        }
        return passcode;
    }

    /** Hashing first makes both sides the same length, so the comparison time never depends on the guess. */
    public static boolean matches(String expected, String given) {
        if (expected == null) return true;
        if (given == null) return false;
        return MessageDigest.isEqual(sha256(expected), sha256(given));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
