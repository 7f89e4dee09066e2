package org.queqiao.bench;

import org.queqiao.desk.bot.FaqEntry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The bot's bilingual development set, from the bench's resources:
 * <ul>
 * <li>{@code desk-faq-dev.tsv}: one FAQ a line, {@code category TAB question TAB alternatives TAB answer TAB
 * paraphrases}; alternatives go into the knowledge base, paraphrases (how visitors would ask the same thing)
 * never do: they are the test questions. Lists are separated by {@code |}; lines starting with # are comments.</li>
 * <li>{@code desk-faq-out-of-scope.txt}: one question a line that no FAQ answers, some close in topic.</li>
 * </ul>
 */
record DeskBotDevSet(List<FaqEntry> entries, List<Probe> inScope, List<String> outOfScope) {
    /** A test question and the entry that answers it. */
    record Probe(String text, FaqEntry expected) {}

    static DeskBotDevSet load() throws IOException {
        List<FaqEntry> entries = new ArrayList<>();
        List<Probe> probes = new ArrayList<>();
        int lineNo = 0;
        for (String line : lines("desk-faq-dev.tsv")) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t", -1);
            if (f.length != 5) throw new IllegalStateException("desk-faq-dev.tsv line " + lineNo + ": 5 tab-separated fields expected, got " + f.length);
            // ids fixed by line, so runs are comparable
            FaqEntry e = new FaqEntry(UUID.nameUUIDFromBytes(("faq" + lineNo).getBytes(StandardCharsets.UTF_8)), f[1].strip(), split(f[2]), f[3].strip(), f[0].strip());
            entries.add(e);
            for (String p : split(f[4])) probes.add(new Probe(p, e));
        }
        List<String> outOfScope = lines("desk-faq-out-of-scope.txt").stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        return new DeskBotDevSet(entries, probes, outOfScope);
    }

    /**
     * The kind of organisation an entry belongs to: its category in either language; the generic account,
     * login, invoice and refund questions (账户/Account) are "account", found in every organisation's KB.
     */
    static String domain(FaqEntry e) {
        return switch (e.category()) {
            case "保险", "Insurance" -> "insurance";
            case "证券", "Brokerage" -> "brokerage";
            case "教育", "Education" -> "education";
            case "电商", "Shopping" -> "retail";
            case "政务", "Government" -> "government";
            case "电信", "Telecom" -> "telecom";
            case "账户", "Account" -> "account";
            default -> throw new IllegalStateException("unknown category " + e.category());
        };
    }

    /** The organisations' domains, without the shared "account". */
    static final List<String> DOMAINS = List.of("insurance", "brokerage", "education", "retail", "government", "telecom");

    static boolean isChinese(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private static List<String> split(String list) {
        return Arrays.stream(list.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = DeskBotDevSet.class.getResourceAsStream("/" + resource)) {
            if (in == null) throw new IllegalStateException(resource + " is not on the class path");
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
        }
    }
}
