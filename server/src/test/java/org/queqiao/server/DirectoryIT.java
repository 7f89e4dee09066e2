package org.queqiao.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Departments, members, search and CSV import, as an admin uses them. */
class DirectoryIT {
    private final ApiClient api = TestServer.client();

    @Test
    void departmentsNestRenameMoveAndRefuseCyclesAndNonEmptyDeletes() {
        var t = api.signup("Tree");
        String school = dept(t, "学校", null);
        String grade = dept(t, "一年级", school);
        String klass = dept(t, "三班", grade);
        var cycle = api.patch("/api/v1/departments/" + school, t.token(), Map.of("parentId", klass));
        assertThat(cycle.status()).isEqualTo(400);
        assertThat(cycle.code()).isEqualTo("cycle");
        assertThat(api.patch("/api/v1/departments/" + grade, t.token(), Map.of("name", "Grade 1")).json().path("name").asText()).isEqualTo("Grade 1");
        var moveTop = new HashMap<String, Object>();
        moveTop.put("parentId", null);
        assertThat(api.patch("/api/v1/departments/" + klass, t.token(), moveTop).json().path("parentId").isNull()).isTrue();
        var dup = api.post("/api/v1/departments", t.token(), Map.of("name", "GRADE 1", "parentId", school));
        assertThat(dup.status()).isEqualTo(409);
        assertThat(dup.code()).isEqualTo("department_name_taken");
        var notEmpty = api.delete("/api/v1/departments/" + school, t.token());
        assertThat(notEmpty.status()).isEqualTo(409);
        assertThat(notEmpty.code()).isEqualTo("department_not_empty");
        assertThat(api.delete("/api/v1/departments/" + grade, t.token()).status()).isEqualTo(204);
        assertThat(api.delete("/api/v1/departments/" + school, t.token()).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/departments", t.token()).json().path("items")).hasSize(1);
    }

    @Test
    void membersAreAddedEditedAndFoundByChineseNameAndEmail() {
        var t = api.signup("Search");
        String d = dept(t, "研发部", null);
        String email = "zhang.wei." + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
        var created = api.post("/api/v1/members", t.token(), Map.of("name", "张伟", "email", email, "title", "工程师",
                "departmentIds", new String[]{d}));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().path("member").path("id").asText();
        assertThat(names(api.get("/api/v1/members?q=" + enc("张伟"), t.token()))).containsExactly("张伟");
        assertThat(names(api.get("/api/v1/members?q=" + enc(email.substring(0, 9)), t.token()))).containsExactly("张伟");
        assertThat(names(api.get("/api/v1/members?departmentId=" + d, t.token()))).containsExactly("张伟");
        var patched = api.patch("/api/v1/members/" + id, t.token(), Map.of("title", "架构师", "role", "admin"));
        assertThat(patched.json().path("title").asText()).isEqualTo("架构师");
        assertThat(patched.json().path("role").asText()).isEqualTo("admin");
        var taken = api.post("/api/v1/members", t.token(), Map.of("name", "Other", "email", email.toUpperCase()));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().path("field").asText()).isEqualTo("email");
    }

    @Test
    void membersCannotAdministerAndGuestsCannotBrowse() {
        var t = api.signup("Roles");
        String memberToken = newMemberToken(t, "member");
        String guestToken = newMemberToken(t, "guest");
        assertThat(api.post("/api/v1/departments", memberToken, Map.of("name", "X")).code()).isEqualTo("admin_required");
        assertThat(api.get("/api/v1/members", memberToken).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/members", guestToken).code()).isEqualTo("guest_not_allowed");
        assertThat(api.get("/api/v1/audit", memberToken).status()).isEqualTo(403);
    }

    @Test
    void csvImportRejectsTheWholeFileWithARowReportThenImportsTheFixedFile() {
        var t = api.signup("Import");
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String bad = "name,email,phone,title,department,role\n"
                + "张伟,zw" + suffix + "@example.com,13800000001,Teacher,Teaching/Grade 1/Class 3,member\n"
                + "李娜,not-an-email,,Head,Teaching/Grade 1,admin\n"
                + "王芳,wf" + suffix + "@example.com,,,Teaching/Grade 2,owner\n";
        var rejected = importCsv(t, bad);
        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.code()).isEqualTo("import_rejected");
        JsonNode rows = rejected.json().path("rows");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).path("row").asInt()).isEqualTo(3);
        assertThat(rows.get(0).path("field").asText()).isEqualTo("email");
        assertThat(rows.get(1).path("row").asInt()).isEqualTo(4);
        assertThat(rows.get(1).path("field").asText()).isEqualTo("role");
        assertThat(names(api.get("/api/v1/members?q=" + enc("张伟"), t.token()))).as("nothing half-imported").isEmpty();
        assertThat(api.get("/api/v1/departments", t.token()).json().path("items")).isEmpty();

        String good = bad.replace("not-an-email", "ln" + suffix + "@example.com").replace(",owner", ",member");
        var ok = importCsv(t, good);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().path("imported").asInt()).isEqualTo(3);
        assertThat(ok.json().path("createdDepartments").asInt()).isEqualTo(4);
        assertThat(names(api.get("/api/v1/members?q=" + enc("李娜"), t.token()))).containsExactly("李娜");
        var again = importCsv(t, good);
        assertThat(again.json().path("rows").get(0).path("code").asText()).isEqualTo("email_taken");
    }

    @Test
    void csvImportBeyondThePlanNamesTheQuotaAndItsLimit() {
        var t = api.signup("Quota");
        StringBuilder csv = new StringBuilder("name,email\n");
        String s = UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 200; i++) csv.append("Student ").append(i).append(",s").append(i).append('.').append(s).append("@example.com\n");
        var r = importCsv(t, csv.toString());
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.code()).isEqualTo("quota_exceeded");
        assertThat(r.json().path("quota").asText()).isEqualTo("members");
        assertThat(r.json().path("limit").asLong()).isEqualTo(200);
    }

    @Test
    void pagingWalksTheDirectoryWithoutGapsOrRepeats() {
        var t = api.signup("Paging");
        StringBuilder csv = new StringBuilder("name,email\n");
        String s = UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 45; i++) csv.append("P").append(i % 7).append(",p").append(i).append('.').append(s).append("@example.com\n");
        assertThat(importCsv(t, csv.toString()).status()).isEqualTo(200);
        java.util.Set<String> ids = new java.util.HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = api.get("/api/v1/members?limit=10" + (cursor == null ? "" : "&cursor=" + cursor), t.token()).json();
            page.path("items").forEach(m -> assertThat(ids.add(m.path("id").asText())).isTrue());
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(ids).hasSize(46);
    }

    private ApiClient.Response importCsv(ApiClient.Tenant t, String csv) {
        return api.postRaw("/api/v1/members/import", t.token(), "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    private String dept(ApiClient.Tenant t, String name, String parent) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        if (parent != null) body.put("parentId", parent);
        var r = api.post("/api/v1/departments", t.token(), body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("id").asText();
    }

    String newMemberToken(ApiClient.Tenant t, String role) {
        String email = role + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        var created = api.post("/api/v1/members", t.token(), Map.of("name", role, "email", email, "role", role));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return api.post("/api/v1/sessions", null, Map.of("email", email, "password", created.json().path("temporaryPassword").asText()))
                .json().path("token").asText();
    }

    static java.util.List<String> names(ApiClient.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("items").findValuesAsText("name");
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
