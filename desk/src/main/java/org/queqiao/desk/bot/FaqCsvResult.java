package org.queqiao.desk.bot;

import java.util.List;

/** A FAQ CSV either parses whole or not at all: nothing is ever half imported. */
public sealed interface FaqCsvResult {
    /** Every row was valid; the entries in file order, each with a new id. */
    record Parsed(List<FaqEntry> entries) implements FaqCsvResult {
        public Parsed {
            entries = List.copyOf(entries);
        }
    }

    /** At least one problem; every one found is listed, so the admin fixes the file in one pass. */
    record Rejected(List<FaqCsvError> errors) implements FaqCsvResult {
        public Rejected {
            errors = List.copyOf(errors);
        }
    }
}
