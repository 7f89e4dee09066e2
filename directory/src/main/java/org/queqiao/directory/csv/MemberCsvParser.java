package org.queqiao.directory.csv;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.queqiao.directory.DepartmentTree;
import org.queqiao.directory.MemberValidation;
import org.queqiao.platform.auth.Role;
import org.queqiao.platform.problem.ProblemException;
import org.queqiao.platform.problem.Validate;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates a member CSV: header {@code name,email,phone,title,department,role}
 * (name and email required; order free; Chinese headers 姓名,邮箱,手机,职务,部门,角色 accepted).
 * Every row is checked and every problem collected, so the admin fixes the file in one pass.
 */
public final class MemberCsvParser {
    public static final String TEMPLATE = "name,email,phone,title,department,role\n"
            + "张伟,zhang.wei@example.com,13800000001,Teacher,Teaching/Grade 1/Class 3,member\n"
            + "Li Na,li.na@example.com,,Head of Grade,Teaching/Grade 1,admin\n";

    private static final Map<String, String> HEADER_ALIASES = Map.ofEntries(
            Map.entry("name", "name"), Map.entry("姓名", "name"),
            Map.entry("email", "email"), Map.entry("e-mail", "email"), Map.entry("邮箱", "email"),
            Map.entry("phone", "phone"), Map.entry("mobile", "phone"), Map.entry("手机", "phone"), Map.entry("电话", "phone"),
            Map.entry("title", "title"), Map.entry("职务", "title"), Map.entry("职位", "title"),
            Map.entry("department", "department"), Map.entry("部门", "department"),
            Map.entry("role", "role"), Map.entry("角色", "role"));

    private final int maxRows;

    public MemberCsvParser(int maxRows) {
        this.maxRows = maxRows;
    }

    /** The valid rows, or a 422 {@code import_rejected} problem listing every bad row. */
    public List<ImportRow> parse(String csv) {
        if (csv == null || csv.isBlank()) throw ProblemException.invalid("file", "empty_file", "The CSV file is empty");
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv; // Excel writes a BOM
        List<ImportRowError> errors = new ArrayList<>();
        List<ImportRow> rows = new ArrayList<>();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setTrim(true).setIgnoreEmptyLines(true).get().parse(new StringReader(text))) {
            List<CSVRecord> records = parser.getRecords();
            if (records.isEmpty()) throw ProblemException.invalid("file", "empty_file", "The CSV file is empty");
            Map<String, Integer> columns = columns(records.get(0));
            if (records.size() - 1 > maxRows) {
                throw ProblemException.invalid("file", "too_many_rows", "A file may hold at most " + maxRows + " members; split it");
            }
            if (records.size() == 1) throw ProblemException.invalid("file", "no_rows", "The CSV file has a header but no members");
            Set<String> seenEmails = new java.util.HashSet<>();
            for (int i = 1; i < records.size(); i++) {
                int rowNo = i + 1;
                ImportRow row = row(rowNo, records.get(i), columns, errors);
                if (row == null) continue;
                if (!seenEmails.add(row.email())) {
                    errors.add(new ImportRowError(rowNo, "email", "duplicate_in_file", row.email() + " appears more than once in the file"));
                    continue;
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            throw ProblemException.invalid("file", "malformed_csv", "The file is not valid CSV: " + e.getMessage());
        }
        if (!errors.isEmpty()) throw rejected(errors);
        return rows;
    }

    public static ProblemException rejected(List<ImportRowError> errors) {
        return new ProblemException(422, "import_rejected",
                errors.size() + " row(s) cannot be imported; nothing was imported. Fix them and upload the file again.",
                "file", Map.of("rows", errors));
    }

    private static Map<String, Integer> columns(CSVRecord header) {
        Map<String, Integer> cols = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).strip().toLowerCase(Locale.ROOT);
            String canonical = HEADER_ALIASES.get(h);
            if (canonical == null) {
                throw ProblemException.invalid("file", "unknown_column",
                        "Unknown column '" + header.get(i) + "'; the columns are name,email,phone,title,department,role");
            }
            if (cols.put(canonical, i) != null) throw ProblemException.invalid("file", "duplicate_column", "Column '" + canonical + "' appears twice");
        }
        for (String required : List.of("name", "email")) {
            if (!cols.containsKey(required)) throw ProblemException.invalid("file", "missing_column", "The file needs a '" + required + "' column");
        }
        return cols;
    }

    private static ImportRow row(int rowNo, CSVRecord rec, Map<String, Integer> cols, List<ImportRowError> errors) {
        int before = errors.size();
        String name = check(rowNo, "name", errors, () -> MemberValidation.name("name", cell(rec, cols, "name")));
        String email = check(rowNo, "email", errors, () -> Validate.email("email", cell(rec, cols, "email")));
        String phone = check(rowNo, "phone", errors, () -> Validate.optionalPhone("phone", cell(rec, cols, "phone")));
        String title = check(rowNo, "title", errors, () -> MemberValidation.title("title", cell(rec, cols, "title")));
        Role role = check(rowNo, "role", errors, () -> role(cell(rec, cols, "role")));
        List<String> path = check(rowNo, "department", errors, () -> departmentPath(cell(rec, cols, "department")));
        return errors.size() > before ? null : new ImportRow(rowNo, name, email, phone, title, role, path);
    }

    private static String cell(CSVRecord rec, Map<String, Integer> cols, String column) {
        Integer idx = cols.get(column);
        return idx == null || idx >= rec.size() ? null : rec.get(idx);
    }

    private static Role role(String raw) {
        if (raw == null || raw.isBlank()) return Role.MEMBER;
        String r = switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "管理员" -> "admin";
            case "成员" -> "member";
            case "访客", "外部" -> "guest";
            default -> raw.strip().toLowerCase(Locale.ROOT);
        };
        Role role = Role.fromWire(r);
        if (role == null) throw ProblemException.invalid("role", "invalid_role", "role must be admin, member or guest");
        return MemberValidation.assignableRole("role", role);
    }

    private static List<String> departmentPath(String raw) {
        if (raw == null || raw.isBlank()) return List.of();
        List<String> parts = Arrays.stream(raw.split("/")).map(String::strip).toList();
        Validate.check(parts.size() <= DepartmentTree.MAX_DEPTH, "department", "too_deep", "A department path has at most " + DepartmentTree.MAX_DEPTH + " levels");
        for (String p : parts) Validate.text("department", p, 1, DepartmentTree.MAX_NAME);
        return parts;
    }

    private static <T> T check(int row, String field, List<ImportRowError> errors, java.util.function.Supplier<T> s) {
        try {
            return s.get();
        } catch (ProblemException e) {
            errors.add(new ImportRowError(row, field, e.code(), e.getMessage()));
            return null;
        }
    }
}
