package org.queqiao.directory.csv;

/** Why one CSV row (1-based, the header is row 1) cannot be imported. */
public record ImportRowError(int row, String field, String code, String message) {}
