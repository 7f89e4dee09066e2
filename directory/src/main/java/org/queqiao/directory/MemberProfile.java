package org.queqiao.directory;

import org.queqiao.platform.auth.Role;

import java.util.List;
import java.util.UUID;

/** Validated input for creating a member (or one CSV row). */
public record MemberProfile(String name, String email, String phone, String title, String avatarUrl, Role role, List<UUID> departmentIds) {}
