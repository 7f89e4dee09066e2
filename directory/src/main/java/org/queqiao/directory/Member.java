package org.queqiao.directory;

import org.queqiao.platform.auth.Role;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A person in an organisation's directory; the e-mail is also their login. */
public record Member(UUID id, UUID orgId, String name, String email, String phone, String title, String avatarUrl,
                     Role role, MemberStatus status, List<UUID> departmentIds, Instant createdAt) {
    public boolean isActive() { return status == MemberStatus.ACTIVE; }

    public Member withDepartments(List<UUID> ids) {
        return new Member(id, orgId, name, email, phone, title, avatarUrl, role, status, List.copyOf(ids), createdAt);
    }
}
