package org.queqiao.desk.bot;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.queqiao.platform.id.Ids;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a FAQ CSV: header {@code question,alternatives,answer,category} (order free, Chinese headers
 * 问题,相似问法,答案,分类 accepted; question and answer required), alternatives separated by {@code |},
 * UTF-8 with or without the BOM Excel writes, fields quoted when they hold commas or line breaks.
 * Every row is checked and every problem reported (row, column, code, message), like the member import.
 */
public final class FaqCsv {
    public static final String TEMPLATE = "question,alternatives,answer,category\n"
            + "如何退保？,怎么取消保单|退保流程,\"登录 App，进入“我的保单”，选择保单后点“退保”。\",保险\n"
            + "How do I reset my password?,forgot password|can't log in,\"On the sign-in page, choose \"\"Forgot password\"\".\",Account\n";

    private static final Map<String, String> HEADER_ALIASES = Map.ofEntries(
            Map.entry("question", "question"), Map.entry("问题", "question"), Map.entry("标准问题", "question"),
            Map.entry("alternatives", "alternatives"), Map.entry("相似问法", "alternatives"), Map.entry("相似问题", "alternatives"),
            Map.entry("其他问法", "alternatives"),
            Map.entry("answer", "answer"), Map.entry("答案", "answer"), Map.entry("回答", "answer"),
            Map.entry("category", "category"), Map.entry("分类", "category"), Map.entry("类别", "category"));

    private final int maxRows;

    /** @param maxRows the most FAQs one file may hold */
    public FaqCsv(int maxRows) {
        this.maxRows = maxRows;
    }

    public FaqCsvResult parse(String csv) {
        if (csv == null || csv.isBlank()) return fileError("empty_file", "The CSV file is empty");
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        List<CSVRecord> records;
        try (CSVParser parser = CSVFormat.RFC4180.builder().setTrim(true).setIgnoreEmptyLines(true).get().parse(new StringReader(text))) {
            records = parser.getRecords();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return fileError("malformed_csv", "The file is not valid CSV: " + e.getMessage());
        }
        if (records.isEmpty()) return fileError("empty_file", "The CSV file is empty");
        List<FaqCsvError> errors = new ArrayList<>();
        Map<String, Integer> columns = columns(records.getFirst(), errors);
        if (!errors.isEmpty()) return new FaqCsvResult.Rejected(errors);
        if (records.size() == 1) return fileError("no_rows", "The CSV file has a header but no questions");
        if (records.size() - 1 > maxRows) return fileError("too_many_rows", "A file may hold at most " + maxRows + " questions; split it");
        List<FaqEntry> entries = new ArrayList<>(records.size() - 1);
        Map<String, Integer> firstRowOfQuestion = new HashMap<>();
        for (int i = 1; i < records.size(); i++) {
            int rowNo = i + 1;
            FaqCsvRow row = FaqCsvRow.read(rowNo, records.get(i), columns, errors);
            if (row == null) continue;
            Integer first = firstRowOfQuestion.putIfAbsent(sameQuestionKey(row.question()), rowNo);
            if (first != null) {
                errors.add(new FaqCsvError(rowNo, "question", "duplicate_in_file", "The same question is already on row " + first));
                continue;
            }
            entries.add(new FaqEntry(Ids.newId(), row.question(), row.alternatives(), row.answer(), row.category()));
        }
        return errors.isEmpty() ? new FaqCsvResult.Parsed(entries) : new FaqCsvResult.Rejected(errors);
    }

    /** Questions that differ only in width, case, spacing or final punctuation are the same question. */
    private static String sameQuestionKey(String question) {
        String q = Normalizer.normalize(question, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return q.replaceAll("[\\p{P}\\s]+$", "");
    }

    private static Map<String, Integer> columns(CSVRecord header, List<FaqCsvError> errors) {
        Map<String, Integer> cols = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String canonical = HEADER_ALIASES.get(header.get(i).strip().toLowerCase(Locale.ROOT));
            if (canonical == null) {
                errors.add(new FaqCsvError(1, "file", "unknown_column",
                        "Unknown column '" + header.get(i) + "'; the columns are question,alternatives,answer,category"));
            } else if (cols.put(canonical, i) != null) {
                errors.add(new FaqCsvError(1, "file", "duplicate_column", "Column '" + canonical + "' appears twice"));
            }
        }
        boolean unknownColumns = !errors.isEmpty(); // then the first row is likely not a header: say that, not more
        for (String required : List.of("question", "answer")) {
            if (!cols.containsKey(required) && !unknownColumns) {
                errors.add(new FaqCsvError(1, "file", "missing_column", "The file needs a '" + required + "' column (is the first row the header?)"));
            }
        }
        return cols;
    }

    private static FaqCsvResult fileError(String code, String message) {
        return new FaqCsvResult.Rejected(List.of(new FaqCsvError(0, "file", code, message)));
    }
}
