package org.queqiao.platform.page;

import org.queqiao.platform.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A cursor plus a limit. Cursors are opaque to clients: base64url of the last item's sort key
 * ("sortValue\u0000id"), so a page boundary never skips or repeats rows when rows are inserted.
 */
public record PageRequest(String afterSort, String afterId, int limit) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public static PageRequest first(int limit) { return new PageRequest(null, null, limit); }

    public static PageRequest parse(String cursor, String limitParam) {
        int limit = DEFAULT_LIMIT;
        if (limitParam != null && !limitParam.isBlank()) {
            try {
                limit = Integer.parseInt(limitParam.strip());
            } catch (NumberFormatException e) {
                throw ProblemException.invalid("limit", "invalid_number", "limit must be a whole number");
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                throw ProblemException.invalid("limit", "out_of_range", "limit must be between 1 and " + MAX_LIMIT);
            }
        }
        if (cursor == null || cursor.isBlank()) return new PageRequest(null, null, limit);
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int sep = raw.indexOf('\u0000');
            if (sep < 0) throw new IllegalArgumentException();
            return new PageRequest(raw.substring(0, sep), raw.substring(sep + 1), limit);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cursor", "invalid_cursor", "cursor is not one this server issued");
        }
    }

    public static String cursor(String sortValue, String id) {
        String raw = (sortValue == null ? "" : sortValue) + '\u0000' + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public boolean isFirst() { return afterId == null; }
}
