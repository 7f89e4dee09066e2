package org.queqiao.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.queqiao.server.QueqiaoServer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Directory search on an organisation of 100,000 members: imports them through the real CSV import
 * API, then times searches over HTTP (Chinese names of one and two characters, e-mail fragments,
 * phone fragments, pinyin) from concurrent clients. Prints p50/p90/p99/max per query kind.
 * Usage: DirectorySearchBench [members=100000] [requests=3000] [clients=4]
 */
public final class DirectorySearchBench {
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀", "霞", "平", "刚", "桂", "英", "华", "文", "斌", "宇", "浩", "凯", "婷"};
    private static final String[] PINYIN = {"wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma", "zhu", "hu", "guo", "he", "gao", "lin", "luo"};

    public static void main(String[] args) throws Exception {
        int members = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 3_000;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        try (QueqiaoServer server = BenchServer.start(Map.of("import.max-rows", "20000"))) {
            Http http = new Http(server.httpPort());
            JsonNode signup = http.postJson("/api/v1/signup", null, Map.of("orgName", "Bench University", "name", "Admin",
                    "email", "admin." + UUID.randomUUID() + "@example.com", "password", "bench password 1")).json();
            String token = signup.path("token").asText();
            // operator action: a 100,000-member organisation needs the enterprise plan
            server.services().organizations().changePlan(UUID.fromString(signup.path("org").path("id").asText()), "enterprise");
            long t0 = System.nanoTime();
            Random rnd = new Random(42);
            for (int start = 0; start < members; start += 20_000) {
                StringBuilder csv = new StringBuilder("name,email,phone,title,department\n");
                for (int i = start; i < Math.min(members, start + 20_000); i++) {
                    int s = rnd.nextInt(SURNAMES.length);
                    String name = SURNAMES[s] + GIVEN[rnd.nextInt(GIVEN.length)] + (rnd.nextBoolean() ? GIVEN[rnd.nextInt(GIVEN.length)] : "");
                    csv.append(name).append(',').append(PINYIN[s]).append('.').append(i).append("@school.example.cn,")
                            .append(String.format("139%08d", i)).append(",Teacher,Grade ").append(i % 12 + 1).append("/Class ").append(i % 40 + 1).append('\n');
                }
                Http.Reply r = http.post("/api/v1/members/import", token, "text/csv", csv.toString());
                if (r.status() != 200) throw new IllegalStateException("import failed: " + r.status() + " " + r.body());
            }
            System.out.printf("imported %d members in %.1f s%n", members, (System.nanoTime() - t0) / 1e9);
            // Steady state: the import already started a background VACUUM (ANALYZE); wait for it to be
            // done rather than measure a half-vacuumed table.
            long v0 = System.nanoTime();
            server.database().db().jdbi().useHandle(h -> h.execute("vacuum (analyze) members"));
            System.out.printf("vacuum (analyze) finished %.1f s after the import%n", (System.nanoTime() - v0) / 1e9);

            List<String[]> queries = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                queries.add(new String[]{"chinese-2", SURNAMES[rnd.nextInt(SURNAMES.length)] + GIVEN[rnd.nextInt(GIVEN.length)]});
                queries.add(new String[]{"chinese-1", SURNAMES[rnd.nextInt(SURNAMES.length)]});
                queries.add(new String[]{"email", PINYIN[rnd.nextInt(PINYIN.length)] + "." + rnd.nextInt(members)});
                queries.add(new String[]{"phone", String.format("%05d", rnd.nextInt(100_000))});
                queries.add(new String[]{"pinyin", PINYIN[rnd.nextInt(PINYIN.length)]});
                queries.add(new String[]{"browse", ""});
            }
            run(http, token, queries, 600, clients, null); // warm-up
            Map<String, List<Long>> byKind = new java.util.TreeMap<>();
            long wall = System.nanoTime();
            run(http, token, queries, requests, clients, byKind);
            double seconds = (System.nanoTime() - wall) / 1e9;
            List<Long> all = new ArrayList<>();
            byKind.forEach((kind, samples) -> {
                all.addAll(samples);
                System.out.printf("%-10s %s%n", kind, new Stats(samples.stream().mapToLong(Long::longValue).toArray()).summary());
            });
            System.out.printf("%-10s %s  (%.0f searches/s, %d clients, %d members)%n", "ALL",
                    new Stats(all.stream().mapToLong(Long::longValue).toArray()).summary(), requests / seconds, clients, members);
        }
    }

    private static void run(Http http, String token, List<String[]> queries, int n, int clients, Map<String, List<Long>> out) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<long[]>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String[] q = queries.get(i % queries.size());
                futures.add(pool.submit(() -> {
                    String path = "/api/v1/members?limit=20" + (q[1].isEmpty() ? "" : "&q=" + URLEncoder.encode(q[1], StandardCharsets.UTF_8));
                    long s = System.nanoTime();
                    Http.Reply r = http.get(path, token);
                    long d = System.nanoTime() - s;
                    if (r.status() != 200) throw new IllegalStateException(r.status() + " " + r.body());
                    return new long[]{d};
                }));
            }
            for (int i = 0; i < futures.size(); i++) {
                long d = futures.get(i).get()[0];
                if (out != null) out.computeIfAbsent(queries.get(i % queries.size())[0], k -> new ArrayList<>()).add(d);
            }
        }
    }
}
