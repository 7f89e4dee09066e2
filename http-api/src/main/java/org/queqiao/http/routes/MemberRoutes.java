package org.queqiao.http.routes;

import io.javalin.http.Context;
import org.queqiao.directory.MemberPatch;
import org.queqiao.directory.MemberProfile;
import org.queqiao.directory.MemberQuery;
import org.queqiao.directory.MemberStatus;
import org.queqiao.directory.csv.ImportResult;
import org.queqiao.directory.csv.MemberCsvParser;
import org.queqiao.http.ApiRoutes;
import org.queqiao.http.ApiServices;
import org.queqiao.http.ApiSettings;
import org.queqiao.http.Auth;
import org.queqiao.http.Body;
import org.queqiao.http.Respond;
import org.queqiao.http.Views;
import org.queqiao.identity.NewMember;
import org.queqiao.platform.auth.Principal;
import org.queqiao.platform.auth.Role;
import org.queqiao.platform.id.Ids;
import org.queqiao.platform.page.Page;
import org.queqiao.platform.page.PageRequest;
import org.queqiao.platform.problem.ProblemException;

import java.util.Map;
import java.util.UUID;

/** The directory's members: list and search, add, edit, offboard, reset password, CSV import. */
public final class MemberRoutes {
    private final ApiServices s;
    private final ApiSettings settings;
    private final Auth auth;

    public MemberRoutes(ApiServices s, ApiSettings settings, Auth auth) {
        this.s = s;
        this.settings = settings;
        this.auth = auth;
    }

    public void register(ApiRoutes r) {
        r.get("/api/v1/members", this::search);
        r.create("/api/v1/members", this::create);
        r.get("/api/v1/members/import/template", ctx -> ctx.contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"queqiao-members.csv\"").result(MemberCsvParser.TEMPLATE));
        r.create("/api/v1/members/import", this::importCsv);
        r.post("/api/v1/members/activation-codes", ctx -> {
            var issued = s.activations().issueForMembersWithoutPassword(auth.principal(ctx));
            StringBuilder csv = new StringBuilder("name,email,activationCode,expiresAt\n");
            for (var c : issued) csv.append(csvCell(c.name())).append(',').append(csvCell(c.email())).append(',').append(c.code()).append(',').append(c.expiresAt()).append('\n');
            ctx.status(200).contentType("text/csv; charset=utf-8").header("Content-Disposition", "attachment; filename=\"queqiao-activation-codes.csv\"")
                    .result(csv.toString());
        });
        r.get("/api/v1/members/{id}", ctx -> Respond.ok(ctx, Views.member(s.members().get(auth.principal(ctx), PathIds.id(ctx, "Member")))));
        r.patch("/api/v1/members/{id}", this::update);
        r.post("/api/v1/members/{id}/deactivate", ctx -> {
            Principal p = auth.principal(ctx);
            UUID id = PathIds.id(ctx, "Member");
            Body b = Body.of(ctx, settings.maxBodyBytes());
            Respond.ok(ctx, Views.member(s.offboarding().deactivate(p, id, b.id("handoverTo"))));
        });
        r.post("/api/v1/members/{id}/password-reset", ctx -> {
            String temp = s.accounts().resetPassword(auth.principal(ctx), PathIds.id(ctx, "Member"));
            Respond.ok(ctx, Map.of("temporaryPassword", temp));
        });
    }

    private void search(Context ctx) {
        Principal p = auth.principal(ctx);
        UUID dept = null;
        String deptParam = ctx.queryParam("departmentId");
        if (deptParam != null && !deptParam.isBlank()) {
            dept = Ids.parseOrNull(deptParam);
            if (dept == null) throw ProblemException.invalid("departmentId", "invalid_id", "departmentId is not a valid id");
        }
        MemberStatus status = MemberStatus.ACTIVE;
        String st = ctx.queryParam("status");
        if (st != null && !st.isBlank()) {
            status = MemberStatus.fromWire(st);
            if (status == null) throw ProblemException.invalid("status", "invalid_value", "status must be one of active, deactivated");
        }
        PageRequest page = PageRequest.parse(ctx.queryParam("cursor"), ctx.queryParam("limit"));
        Page<org.queqiao.directory.Member> result = s.members().search(p, new MemberQuery(p.orgId(), ctx.queryParam("q"), dept, status, page));
        Respond.ok(ctx, Views.page(result.items().stream().map(Views::member).toList(), result.nextCursor()));
    }

    private void create(Context ctx) {
        Principal p = auth.principal(ctx);
        Body b = Body.of(ctx, settings.maxBodyBytes());
        MemberProfile profile = new MemberProfile(b.string("name"), b.string("email"), b.string("phone"), b.string("title"),
                b.string("avatarUrl"), b.oneOf("role", Role::fromWire, "admin, member, guest"), b.ids("departmentIds"));
        NewMember created = s.accounts().addMember(p, profile);
        Respond.created(ctx, Map.of("member", Views.member(created.member()), "temporaryPassword", created.temporaryPassword()));
    }

    private void update(Context ctx) {
        Principal p = auth.principal(ctx);
        UUID id = PathIds.id(ctx, "Member");
        Body b = Body.of(ctx, settings.maxBodyBytes());
        MemberPatch patch = new MemberPatch(b.string("name"), b.string("email"), nullToEmpty(b, "phone"), nullToEmpty(b, "title"),
                nullToEmpty(b, "avatarUrl"), b.oneOf("role", Role::fromWire, "admin, member, guest"), b.ids("departmentIds"));
        Respond.ok(ctx, Views.member(s.members().update(p, id, patch)));
    }

    private void importCsv(Context ctx) {
        Principal p = auth.principal(ctx);
        ImportResult result = s.memberImport().importCsv(p, CsvUploads.read(ctx, settings));
        Respond.ok(ctx, Map.of("imported", result.imported(), "createdDepartments", result.createdDepartments()));
    }

    /** RFC 4180 quoting; a leading =, +, - or @ is neutralised so a spreadsheet never runs it as a formula. */
    private static String csvCell(String v) {
        String s = v == null ? "" : v;
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) s = "'" + s;
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** JSON null for an optional text field clears it (the domain clears on empty string). */
    private static String nullToEmpty(Body b, String field) {
        if (b.has(field) && b.string(field) == null) return "";
        return b.string(field);
    }

}
