package org.queqiao.directory;

import org.queqiao.platform.auth.Role;
import org.queqiao.platform.problem.ProblemException;
import org.queqiao.platform.problem.Validate;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Rules for member fields, shared by the API, the CSV import and invitations. */
public final class MemberValidation {
    public static final int MAX_NAME = 64;
    public static final int MAX_TITLE = 64;
    public static final int MAX_DEPARTMENTS = 20;

    private MemberValidation() {}

    public static String name(String field, String v) { return Validate.text(field, v, 1, MAX_NAME); }

    public static String title(String field, String v) { return Validate.optionalText(field, v, MAX_TITLE); }

    public static String avatarUrl(String field, String v) {
        String url = Validate.optionalText(field, v, 500);
        if (url == null) return null;
        if (url.startsWith("/")) return url;
        try {
            URI u = URI.create(url);
            if ("https".equals(u.getScheme()) || "http".equals(u.getScheme())) return url;
        } catch (IllegalArgumentException ignored) {
            // falls through to the error
        }
        throw ProblemException.invalid(field, "invalid_url", field + " must be an http(s) URL");
    }

    /** Roles an admin may hand out; ownership is transferred, never assigned. */
    public static Role assignableRole(String field, Role role) {
        if (role == Role.OWNER) throw ProblemException.invalid(field, "role_not_assignable", "The owner role cannot be assigned; transfer ownership instead");
        return role;
    }

    public static List<UUID> departmentIds(String field, List<UUID> ids) {
        if (ids == null) return List.of();
        Validate.check(ids.size() <= MAX_DEPARTMENTS, field, "too_many", "A member belongs to at most " + MAX_DEPARTMENTS + " departments");
        return ids.stream().distinct().toList();
    }

    public static MemberProfile profile(MemberProfile in) {
        return new MemberProfile(name("name", in.name()), Validate.email("email", in.email()), Validate.optionalPhone("phone", in.phone()),
                title("title", in.title()), avatarUrl("avatarUrl", in.avatarUrl()),
                assignableRole("role", in.role() == null ? Role.MEMBER : in.role()), departmentIds("departmentIds", in.departmentIds()));
    }
}
