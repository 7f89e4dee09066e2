package org.queqiao.meetings;

import java.security.SecureRandom;

/**
 * Meeting numbers: 9 digits, never starting with 0, drawn at random (not sequential, so numbers do
 * not reveal how many meetings exist or let anyone walk through them). Uniqueness is decided by
 * the database's unique index; the creator draws again on a collision.
 */
public final class MeetingNumber {
    private static final SecureRandom RANDOM = new SecureRandom();

    private MeetingNumber() {}

    public static String random() {
        return Integer.toString(100_000_000 + RANDOM.nextInt(900_000_000));
    }

    /** The number typed by someone ("123 456 789", "123-456-789"), or null if it cannot be one. */
    public static String normalise(String typed) {
        if (typed == null) return null;
        String digits = typed.replace(" ", "").replace("-", "");
        if (digits.length() != 9 || digits.charAt(0) == '0') return null;
        for (int i = 0; i < 9; i++) if (digits.charAt(i) < '0' || digits.charAt(i) > '9') return null;
        return digits;
    }

    /** As shown to people: {@code 123 456 789}. */
    public static String display(String number) {
        return number.substring(0, 3) + ' ' + number.substring(3, 6) + ' ' + number.substring(6);
    }
}
