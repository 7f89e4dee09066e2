package org.queqiao.directory;

import org.queqiao.platform.page.PageRequest;

import java.util.UUID;

/** A directory listing: optional text search, department filter and status filter, paged by name. */
public record MemberQuery(UUID orgId, String text, UUID departmentId, MemberStatus status, PageRequest page) {}
