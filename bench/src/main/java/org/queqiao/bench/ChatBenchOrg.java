package org.queqiao.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * An organisation of N signed-in members, built the way an admin would: CSV import, activation
 * codes, every member activating with their own password (the bench server runs a cheap password
 * hash: this measures messaging, not sign-in).
 */
final class ChatBenchOrg {
    final String adminToken;
    final List<String> memberIds = new ArrayList<>();
    final List<String> tokens = new ArrayList<>();

    private ChatBenchOrg(String adminToken) {
        this.adminToken = adminToken;
    }

    static ChatBenchOrg create(Http http, String operatorToken, int members) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        JsonNode signup = http.postJson("/api/v1/signup", null, Map.of("orgName", "Chat bench " + suffix, "name", "Admin",
                "email", "admin." + suffix + "@bench.example", "password", "bench password 1")).json();
        ChatBenchOrg org = new ChatBenchOrg(signup.path("token").asText());
        String orgId = signup.path("org").path("id").asText();
        var plan = http.postJson("/api/operator/v1/orgs/" + orgId + "/plan", operatorToken, Map.of("planId", "enterprise"));
        if (plan.status() != 200) throw new IllegalStateException("cannot move the org to the enterprise plan: " + plan.body());

        StringBuilder csv = new StringBuilder("name,email\n");
        for (int i = 0; i < members; i++) csv.append("Member ").append(i).append(",m").append(i).append('.').append(suffix).append("@bench.example\n");
        var imported = http.post("/api/v1/members/import", org.adminToken, "text/csv", csv.toString());
        if (imported.status() / 100 != 2) throw new IllegalStateException("import failed: " + imported.body().substring(0, Math.min(500, imported.body().length())));
        String codes = http.post("/api/v1/members/activation-codes", org.adminToken, "application/json", "{}").body();

        List<String[]> rows = new ArrayList<>();
        for (String line : codes.split("\n")) {
            String[] c = line.split(",");
            if (c.length >= 3 && c[1].endsWith("@bench.example") && !c[1].startsWith("admin.")) rows.add(c);
        }
        rows.sort(java.util.Comparator.comparingInt(r -> Integer.parseInt(r[1].substring(1, r[1].indexOf('.')))));
        Semaphore parallel = new Semaphore(16);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<JsonNode>> signedIn = new ArrayList<>();
            for (String[] r : rows) {
                signedIn.add(pool.submit(() -> {
                    parallel.acquire();
                    try {
                        var a = http.postJson("/api/v1/activate", null, Map.of("email", r[1], "code", r[2], "password", "bench password 1", "deviceName", "bench"));
                        if (a.status() != 201) throw new IllegalStateException("activation failed: " + a.body());
                        return a.json();
                    } finally {
                        parallel.release();
                    }
                }));
            }
            for (Future<JsonNode> f : signedIn) {
                JsonNode j = f.get();
                org.tokens.add(j.path("token").asText());
                org.memberIds.add(j.path("member").path("id").asText());
            }
        }
        return org;
    }
}
