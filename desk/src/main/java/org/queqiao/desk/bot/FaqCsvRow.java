package org.queqiao.desk.bot;

import org.apache.commons.csv.CSVRecord;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One row of a FAQ CSV, checked field by field; every problem is added to the errors, none thrown. */
record FaqCsvRow(String question, List<String> alternatives, String answer, String category) {
    static final int MAX_QUESTION = 200;
    static final int MAX_ANSWER = 2000;
    static final int MAX_ALTERNATIVES = 20;
    static final int MAX_ALTERNATIVE = 200;
    static final int MAX_CATEGORY = 50;

    /** The row's entry, or null when any field is invalid (its errors then added). */
    static FaqCsvRow read(int row, CSVRecord rec, Map<String, Integer> cols, List<FaqCsvError> errors) {
        int before = errors.size();
        String question = text(row, "question", cell(rec, cols, "question"), MAX_QUESTION, true, false, errors);
        String answer = text(row, "answer", cell(rec, cols, "answer"), MAX_ANSWER, true, true, errors);
        String category = text(row, "category", cell(rec, cols, "category"), MAX_CATEGORY, false, false, errors);
        List<String> alternatives = alternatives(row, cell(rec, cols, "alternatives"), question, errors);
        return errors.size() > before ? null : new FaqCsvRow(question, alternatives, answer, category);
    }

    /** Split on '|', blanks dropped, repeats and copies of the question dropped silently (they add nothing). */
    private static List<String> alternatives(int row, String raw, String question, List<FaqCsvError> errors) {
        if (raw == null || raw.isBlank()) return List.of();
        Set<String> out = new LinkedHashSet<>();
        for (String part : raw.split("\\|")) {
            String alt = text(row, "alternatives", part, MAX_ALTERNATIVE, false, false, errors);
            if (alt != null && !alt.equals(question)) out.add(alt);
        }
        if (out.size() > MAX_ALTERNATIVES) {
            errors.add(new FaqCsvError(row, "alternatives", "too_many",
                    "A question has at most " + MAX_ALTERNATIVES + " alternatives (separated by |); this row has " + out.size()));
        }
        return new ArrayList<>(out);
    }

    /** The stripped text, or null when absent (an error if required) or invalid (always an error). */
    private static String text(int row, String field, String raw, int max, boolean required, boolean multiline, List<FaqCsvError> errors) {
        if (raw == null || raw.isBlank()) {
            if (required) errors.add(new FaqCsvError(row, field, "required", field + " is required"));
            return null;
        }
        String v = raw.strip();
        int length = v.codePointCount(0, v.length());
        if (length > max) {
            errors.add(new FaqCsvError(row, field, "too_long", field + " has " + length + " characters; at most " + max));
            return null;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean lineBreak = c == '\n' || c == '\r' || c == '\t';
            if (Character.isISOControl(c) && !(multiline && lineBreak)) {
                errors.add(new FaqCsvError(row, field, "control_character",
                        field + (lineBreak ? " must be on one line" : " must not contain control characters")));
                return null;
            }
        }
        return v;
    }

    private static String cell(CSVRecord rec, Map<String, Integer> cols, String column) {
        Integer idx = cols.get(column);
        return idx == null || idx >= rec.size() ? null : rec.get(idx);
    }
}
