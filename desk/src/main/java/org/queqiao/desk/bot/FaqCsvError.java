package org.queqiao.desk.bot;

/**
 * Why a FAQ CSV cannot be imported: the row (1-based, the header is row 1, so the first FAQ is row 2;
 * 0 for the file as a whole), the column ({@code file} for the whole file), a stable code and a message
 * for the admin.
 */
public record FaqCsvError(int row, String field, String code, String message) {}
