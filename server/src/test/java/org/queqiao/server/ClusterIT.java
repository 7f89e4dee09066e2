package org.queqiao.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.queqiao.storage.pg.TestDatabases;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clustered deployment: two nodes on one external PostgreSQL and one NATS, the same code as a
 * single node with other settings. A member deactivated through node A loses the socket held on node B.
 */
class ClusterIT {
    private static QueqiaoServer a;
    private static QueqiaoServer b;

    @BeforeAll
    static void startCluster() {
        String db = TestDatabases.freshLocalDatabaseUrl();
        String prefix = "qqcluster" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, String> common = Map.of("db.url", db, "db.user", "postgres", "bus.kind", "nats",
                "bus.nats-url", "nats://127.0.0.1:4222", "bus.nats-prefix", prefix);
        a = TestServer.start(withName(common, "node-a"));
        b = TestServer.start(withName(common, "node-b"));
    }

    private static Map<String, String> withName(Map<String, String> common, String name) {
        var m = new java.util.HashMap<>(common);
        m.put("node.name", name);
        return m;
    }

    @AfterAll
    static void stopCluster() {
        if (b != null) b.close();
        if (a != null) a.close();
    }

    @Test
    void aDeactivationOnOneNodeClosesTheSocketsHeldByAnother() throws Exception {
        ApiClient viaA = new ApiClient("http://127.0.0.1:" + a.httpPort());
        ApiClient viaB = new ApiClient("http://127.0.0.1:" + b.httpPort());
        var t = viaA.signup("Cluster");
        String email = "c." + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
        var created = viaA.post("/api/v1/members", t.token(), Map.of("name", "跨节点", "email", email));
        String id = created.json().path("member").path("id").asText();
        String token = viaB.post("/api/v1/sessions", null, Map.of("email", email, "password", created.json().path("temporaryPassword").asText()))
                .json().path("token").asText();
        assertThat(viaB.get("/api/v1/me", token).status()).as("a session made on B works on A").isEqualTo(200);
        assertThat(viaA.get("/api/v1/me", token).status()).isEqualTo(200);

        RealtimeClient onB = RealtimeClient.connect(b.gatewayPort(), token);
        JsonNode ready = onB.next(5000);
        assertThat(ready.path("t").asText()).isEqualTo("ready");

        long start = System.nanoTime();
        assertThat(viaA.post("/api/v1/members/" + id + "/deactivate", t.token(), Map.of("handoverTo", t.ownerId())).status()).isEqualTo(200);
        long closedAt = onB.closedAtNanos.get(3, TimeUnit.SECONDS);
        assertThat(TimeUnit.NANOSECONDS.toMillis(closedAt - start)).as("closed on the other node within 1 s").isLessThan(1000);
        assertThat(viaB.get("/api/v1/me", token).status()).isEqualTo(401);
    }
}
