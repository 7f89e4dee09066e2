package org.queqiao.directory.csv;

import org.queqiao.platform.auth.Role;

import java.util.List;

/** One validated CSV row: a member profile plus the department path it belongs to (may be empty). */
record ImportRow(int row, String name, String email, String phone, String title, Role role, List<String> departmentPath) {}
