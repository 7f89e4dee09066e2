package org.queqiao.platform.problem;

import java.util.regex.Pattern;

/** Small input checks shared by every module; each failure names the field and a stable code. */
public final class Validate {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]{1,253}\\.[^@\\s.]{2,63}$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 \\-]{4,22}$");

    private Validate() {}

    public static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid(field, "required", field + " is required");
        }
        return value.strip();
    }

    public static String text(String field, String value, int min, int max) {
        String v = required(field, value);
        int len = v.codePointCount(0, v.length());
        if (len < min || len > max) {
            throw ProblemException.invalid(field, "length", field + " must be " + min + " to " + max + " characters");
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (Character.isISOControl(c)) {
                throw ProblemException.invalid(field, "control_character", field + " must not contain control characters");
            }
        }
        return v;
    }

    public static String optionalText(String field, String value, int max) {
        if (value == null || value.isBlank()) return null;
        return text(field, value, 1, max);
    }

    public static String email(String field, String value) {
        String v = text(field, value, 3, 254).toLowerCase(java.util.Locale.ROOT);
        if (!EMAIL.matcher(v).matches()) {
            throw ProblemException.invalid(field, "invalid_email", field + " is not a valid e-mail address");
        }
        return v;
    }

    public static String optionalEmail(String field, String value) {
        return value == null || value.isBlank() ? null : email(field, value);
    }

    public static String optionalPhone(String field, String value) {
        if (value == null || value.isBlank()) return null;
        String v = value.strip();
        if (!PHONE.matcher(v).matches()) {
            throw ProblemException.invalid(field, "invalid_phone", field + " is not a valid phone number");
        }
        return v;
    }

    public static void check(boolean ok, String field, String code, String message) {
        if (!ok) throw ProblemException.invalid(field, code, message);
    }
}
