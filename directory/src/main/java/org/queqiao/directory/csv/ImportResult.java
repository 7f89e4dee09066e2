package org.queqiao.directory.csv;

/** What a successful import did. */
public record ImportResult(int imported, int createdDepartments) {}
