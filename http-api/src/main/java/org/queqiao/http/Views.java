package org.queqiao.http;

import org.queqiao.directory.Department;
import org.queqiao.directory.Invitation;
import org.queqiao.directory.Member;
import org.queqiao.directory.Organization;
import org.queqiao.directory.Plan;
import org.queqiao.identity.Session;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The JSON shapes of the API: explicit, so a refactoring of a domain record never changes the wire format by accident. */
public final class Views {
    private Views() {}

    public static Map<String, Object> member(Member m) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", m.id());
        v.put("name", m.name());
        v.put("email", m.email());
        v.put("phone", m.phone());
        v.put("title", m.title());
        v.put("avatarUrl", m.avatarUrl());
        v.put("role", m.role().wire());
        v.put("status", m.status().wire());
        v.put("departmentIds", m.departmentIds());
        v.put("createdAt", m.createdAt());
        return v;
    }

    public static Map<String, Object> department(Department d) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", d.id());
        v.put("name", d.name());
        v.put("parentId", d.parentId());
        v.put("memberCount", d.memberCount());
        v.put("childCount", d.childCount());
        v.put("createdAt", d.createdAt());
        return v;
    }

    public static Map<String, Object> org(Organization o, Plan plan, Map<String, Long> usage) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", o.id());
        v.put("name", o.name());
        v.put("plan", plan(plan));
        v.put("usage", usage);
        v.put("createdAt", o.createdAt());
        return v;
    }

    /** A page of a listing: {@code nextCursor} is null on the last page. */
    public static Map<String, Object> page(java.util.List<?> items, String nextCursor) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("items", items);
        v.put("nextCursor", nextCursor);
        return v;
    }

    public static Map<String, Object> plan(Plan p) {
        return Map.of("id", p.id(), "name", p.name(), "quotas", p.quotas());
    }

    public static Map<String, Object> session(Session s, UUID current) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", s.id());
        v.put("deviceName", s.deviceName());
        v.put("ip", s.ip());
        v.put("userAgent", s.userAgent());
        v.put("createdAt", s.createdAt());
        v.put("lastSeenAt", s.lastSeenAt());
        v.put("expiresAt", s.expiresAt());
        v.put("current", s.id().equals(current));
        return v;
    }

    public static Map<String, Object> invitation(Invitation i, String baseUrl) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", i.id());
        v.put("code", i.code());
        v.put("url", baseUrl + "/join/" + i.code());
        v.put("role", i.role().wire());
        v.put("createdAt", i.createdAt());
        v.put("expiresAt", i.expiresAt());
        v.put("maxUses", i.maxUses());
        v.put("uses", i.uses());
        v.put("revoked", i.revokedAt() != null);
        return v;
    }
}
