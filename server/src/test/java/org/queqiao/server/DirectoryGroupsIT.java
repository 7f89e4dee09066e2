package org.queqiao.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Department and all-staff groups follow the directory: join with the department, leave when moved, arrive with a CSV import. */
class DirectoryGroupsIT {
    private final ApiClient api = TestServer.client();
    private final int port = TestServer.shared().gatewayPort();

    @Test
    void membersFollowTheirDepartmentsAndTheOrganisation() throws Exception {
        ChatFixture f = new ChatFixture(api, "Directory groups");
        String admin = f.tenant.token();
        String sales = api.post("/api/v1/departments", admin, Map.of("name", "销售部")).json().path("id").asText();
        String support = api.post("/api/v1/departments", admin, Map.of("name", "客服部")).json().path("id").asText();
        var li = f.member("李雷");
        var han = f.member("韩梅梅");
        api.patch("/api/v1/members/" + li.id(), admin, Map.of("departmentIds", List.of(sales)));

        var created = api.post("/api/v1/conversations/department", admin, Map.of("departmentId", sales));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String salesGroup = created.json().path("id").asText();
        assertThat(created.json().path("title").asText()).isEqualTo("销售部");
        assertThat(api.post("/api/v1/conversations/department", admin, Map.of("departmentId", sales)).code()).isEqualTo("group_exists");
        assertThat(api.post("/api/v1/conversations/department", li.token(), Map.of("departmentId", support)).status()).isEqualTo(403);
        String allStaff = api.post("/api/v1/conversations/all-staff", admin, Map.of()).json().path("id").asText();
        assertThat(members(salesGroup, admin)).isEmpty(); // the admin is not in sales: cannot look inside
        assertThat(members(salesGroup, li.token())).containsExactly(li.id());
        assertThat(members(allStaff, li.token())).containsExactlyInAnyOrder(f.tenant.ownerId(), li.id(), han.id());

        try (ChatClient h = ChatClient.connect(port, han.token())) {
            // han joins sales: she is in the group at once, told so, and sees only what is said from now on
            assertThat(api.patch("/api/v1/members/" + han.id(), admin, Map.of("departmentIds", List.of(sales))).status()).isEqualTo(200);
            JsonNode joined = h.nextPush("chat.conversation", 3000);
            assertThat(joined.path("conversationId").asText()).isEqualTo(salesGroup);
            assertThat(members(salesGroup, li.token())).containsExactlyInAnyOrder(li.id(), han.id());
            // members cannot leave or be removed by hand: the directory decides
            assertThat(api.delete("/api/v1/conversations/" + salesGroup + "/members/" + han.id(), han.token()).code()).isEqualTo("follows_directory");
            // moved to support: out of the sales group
            api.patch("/api/v1/members/" + han.id(), admin, Map.of("departmentIds", List.of(support)));
            assertThat(h.nextPush("chat.removed", 3000).path("conversationId").asText()).isEqualTo(salesGroup);
            assertThat(members(salesGroup, li.token())).containsExactly(li.id());
            assertThat(api.get("/api/v1/conversations/" + salesGroup + "/entries", han.token()).status()).isEqualTo(404);
        }

        // a CSV import brings people into the all-staff group and their departments' groups in one go
        var imported = api.postRaw("/api/v1/members/import", admin, "text/csv",
                "name,email,department\n王五,wang5.%s@example.com,销售部\n赵六,zhao6.%s@example.com,客服部\n".formatted(f.tenant.orgId().substring(0, 6), f.tenant.orgId().substring(0, 6))
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.toString()).isBetween(200, 201);
        assertThat(members(allStaff, li.token())).hasSize(5);
        assertThat(members(salesGroup, li.token())).hasSize(2);
        JsonNode conv = api.get("/api/v1/conversations/" + salesGroup, li.token()).json();
        assertThat(conv.path("memberCount").asInt()).isEqualTo(2);
        List<String> events = new ArrayList<>();
        api.get("/api/v1/conversations/" + salesGroup + "/entries?limit=50", li.token()).json().path("items")
                .forEach(e -> events.add(e.path("body").path("event").path("type").asText()));
        assertThat(events).contains("group_created", "members_added", "members_removed");
    }

    private List<String> members(String conversation, String token) {
        List<String> ids = new ArrayList<>();
        var r = api.get("/api/v1/conversations/" + conversation + "/members?limit=200", token);
        if (r.status() != 200) return ids;
        r.json().path("items").forEach(m -> ids.add(m.path("memberId").asText()));
        return ids;
    }
}
