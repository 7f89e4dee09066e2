package org.queqiao.directory;

import org.queqiao.platform.auth.Role;

import java.util.List;
import java.util.UUID;

/**
 * A partial update: a null field is left unchanged; an empty string clears an optional text field
 * (phone, title, avatar).
 */
public record MemberPatch(String name, String email, String phone, String title, String avatarUrl, Role role, List<UUID> departmentIds) {
    public boolean touchesAdminFields() {
        return email != null || role != null || departmentIds != null;
    }
}
