package org.queqiao.search;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lexemes in a real PostgreSQL: {@code to_tsvector('simple', documentTokens(text))} in a GIN-indexed
 * column, {@code @@ to_tsquery('simple', queryExpression(q))}. Runs in a database of locale C, where the
 * parser takes every non-ASCII character for a letter, and in a C.UTF-8 one, where it asks the C library,
 * as most PostgreSQL servers do (the embedded one inherits its locale from the environment).
 */
class TextSegmenterPostgresIT {
    private static final TextSegmenter SEGMENTER = new TextSegmenter();
    private static final List<String> MESSAGES = List.of(
            "我们明天下午开会讨论鹊桥项目",                       // 1
            "鹊桥项目的周报已经发到群里了",                       // 2
            "下周的Zoom会议改到周三上午十点",                     // 3
            "The meetings are moved to Thursday",              // 4
            "Please review the meeting notes before Friday",   // 5
            "北京大学生前来应聘前端开发岗位",                      // 6
            "服务器CPU使用率超过90%，请检查nginx日志",             // 7
            "ＺＯＯＭ链接：https://zoom.example.com/j/123456",    // 8
            "今天午饭吃什么？😀🍜",                               // 9
            "我会在议程里加上预算",                               // 10
            "研究生命起源是一个有趣的课题",                        // 11
            "研究生下周开组会",                                  // 12
            "发票已报销，金额￥1,280.50",                         // 13
            "Привет, как дела?",                               // 14
            "안녕하세요 회의는 내일입니다",                         // 15
            "café au lait et naïve question",                  // 16
            "v2.3.1 版本发布了，修复了登录 bug",                   // 17
            "请大家明天上午九点准时到会议室",                       // 18
            "项目组的同学注意：代码冻结",                          // 19
            "it's a \"quoted\" & risky (message) :* with !operators",  // 20
            "张伟大家好，今天的会取消了",                          // 21
            "报告下周五交",                                      // 22
            "周五下班前发周报",                                   // 23
            "张总说这个方案很伟大");                               // 24

    private static final Map<String, List<Integer>> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("开会", List.of(1));
        EXPECTED.put("项目", List.of(1, 2, 19));          // 19: inside the longer word 项目组
        EXPECTED.put("鹊桥", List.of(1, 2));
        EXPECTED.put("鹊桥项目", List.of(1, 2));
        EXPECTED.put("会议", List.of(3, 18));             // not 10, 我会在议程: the characters are not next to each other
        EXPECTED.put("会", List.of(1, 3, 10, 12, 18, 21));
        EXPECTED.put("张伟", List.of(21));                // 张|伟大家 in the text; not 24, where the two are apart
        EXPECTED.put("下周", List.of(3, 12, 22));         // 22: 下|周五; not 23, 周五下班…周报
        EXPECTED.put("周报", List.of(2, 23));
        EXPECTED.put("周五", List.of(22, 23));
        EXPECTED.put("meeting", List.of(4, 5));
        EXPECTED.put("Meetings", List.of(4, 5));
        EXPECTED.put("zoom", List.of(3, 8));
        EXPECTED.put("ＺＯＯＭ会议", List.of(3));
        EXPECTED.put("学生", List.of(6));                 // 大学生
        EXPECTED.put("研究生", List.of(11, 12));          // 11 too: 研究|生命 has the three in a row, as a substring search would
        EXPECTED.put("生命", List.of(11));
        EXPECTED.put("明天 项目", List.of(1));
        EXPECTED.put("明天 会议", List.of(18));
        EXPECTED.put("nginx 日志", List.of(7));
        EXPECTED.put("cpu", List.of(7));
        EXPECTED.put("90%", List.of(7));
        EXPECTED.put("1,280.50", List.of(13));
        EXPECTED.put("2.3.1", List.of(17));
        EXPECTED.put("BUG", List.of(17));
        EXPECTED.put("十点", List.of(3));
        EXPECTED.put("九点", List.of(18));
        EXPECTED.put("会议室", List.of(18));
        EXPECTED.put("午饭", List.of(9));
        EXPECTED.put("привет", List.of(14));
        EXPECTED.put("회의는", List.of(15));
        EXPECTED.put("café", List.of(16));
        EXPECTED.put("NAÏVE", List.of(16));
        EXPECTED.put("'quoted' & (risky)", List.of(20));
        EXPECTED.put("!operators :*", List.of(20));
        EXPECTED.put("周报 -项目", List.of(2));           // a typed minus is punctuation, not "not"
        EXPECTED.put("预算 zoom", List.of());
    }

    private static EmbeddedPostgres pg;
    private static Connection cDb;
    private static Connection unicodeDb;

    @BeforeAll
    static void start() throws Exception {
        pg = EmbeddedPostgres.builder().start();
        cDb = database("search_c", "C");
        unicodeDb = database("search_utf8", "C.UTF-8");
    }

    private static Connection database(String name, String locale) throws SQLException {
        try (Connection admin = pg.getPostgresDatabase().getConnection(); Statement s = admin.createStatement()) {
            s.execute("create database " + name + " template template0 encoding 'UTF8' lc_collate '" + locale + "' lc_ctype '" + locale + "'");
        }
        Connection c = pg.getDatabase("postgres", name).getConnection();
        load(c);
        return c;
    }

    @AfterAll
    static void stop() throws Exception {
        if (unicodeDb != null) unicodeDb.close();
        if (cDb != null) cDb.close();
        if (pg != null) pg.close();
    }

    private static void load(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("create table messages (id int primary key, body text not null, tsv tsvector not null)");
            s.execute("create index messages_tsv on messages using gin (tsv)");
        }
        try (PreparedStatement ps = c.prepareStatement("insert into messages values (?, ?, to_tsvector('simple', ?))")) {
            for (int i = 0; i < MESSAGES.size(); i++) {
                ps.setInt(1, i + 1);
                ps.setString(2, MESSAGES.get(i));
                ps.setString(3, SEGMENTER.documentTokens(MESSAGES.get(i)));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (Statement s = c.createStatement()) {
            s.execute("analyze messages");
        }
    }

    @Test
    void queriesFindTheExpectedMessages() throws SQLException {
        assertSearches(cDb);
    }

    @Test
    void queriesFindTheExpectedMessagesUnderAUnicodeLocale() throws SQLException {
        assertSearches(unicodeDb);
    }

    private static void assertSearches(Connection c) throws SQLException {
        for (boolean indexOnly : new boolean[] {true, false}) {
            try (Statement s = c.createStatement()) {
                // with 20 rows the planner would scan the table; force the GIN index too, whose phrase matches are rechecked
                s.execute("set enable_seqscan = " + !indexOnly);
            }
            for (var e : EXPECTED.entrySet()) {
                String expression = SEGMENTER.queryExpression(e.getKey()).orElseThrow();
                assertThat(search(c, expression)).as(e.getKey() + " → " + expression + (indexOnly ? " (GIN)" : " (scan)"))
                        .containsExactlyElementsOf(e.getValue());
            }
        }
    }

    private static List<Integer> search(Connection c, String expression) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select id from messages where tsv @@ to_tsquery('simple', ?) order by id")) {
            ps.setString(1, expression);
            List<Integer> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) ids.add(rs.getInt(1));
            }
            return ids;
        }
    }

    /** No input can make a syntax error, and a text always finds itself. */
    @Test
    void hostileInputNeverBreaksToTsquery() throws SQLException {
        List<String> inputs = HostileInput.strings(3_000, 23);
        for (Connection c : List.of(cDb, unicodeDb)) {
            int expressions = 0;
            try (PreparedStatement ps = c.prepareStatement(
                    "select numnode(to_tsquery('simple', ?)), to_tsvector('simple', ?) @@ to_tsquery('simple', ?)")) {
                for (String input : inputs) {
                    String tokens = SEGMENTER.documentTokens(input);
                    String expression = SEGMENTER.queryExpression(input).orElse(null);
                    if (expression == null) {
                        assertThat(tokens).as(input).isEmpty();
                        continue;
                    }
                    expressions++;
                    ps.setString(1, expression);
                    ps.setString(2, tokens);
                    ps.setString(3, expression);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (rs.getInt(1) > 0) assertThat(rs.getBoolean(2)).as(input + " → " + expression + " in " + tokens).isTrue();
                    }
                }
            }
            assertThat(expressions).isGreaterThan(2_000);
        }
    }
}
