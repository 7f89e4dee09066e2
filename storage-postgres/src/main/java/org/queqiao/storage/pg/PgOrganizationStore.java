package org.queqiao.storage.pg;

import com.fasterxml.jackson.core.type.TypeReference;
import org.jdbi.v3.core.mapper.RowMapper;
import org.queqiao.directory.Organization;
import org.queqiao.directory.Plan;
import org.queqiao.directory.store.OrganizationStore;
import org.queqiao.platform.json.Json;
import org.queqiao.platform.problem.ProblemException;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

public final class PgOrganizationStore implements OrganizationStore {
    private static final RowMapper<Organization> ORG = (rs, ctx) ->
            new Organization(Rows.uuid(rs, "id"), rs.getString("name"), rs.getString("plan_id"), Rows.instant(rs, "created_at"));
    private static final RowMapper<Plan> PLAN = (rs, ctx) -> new Plan(rs.getString("id"), rs.getString("name"), quotas(rs.getString("quotas")));

    private final Db db;

    public PgOrganizationStore(Db db) {
        this.db = db;
    }

    @Override
    public void insert(Organization org) {
        db.use(h -> h.createUpdate("insert into organizations (id, name, plan_id, created_at) values (:id, :name, :plan, :at)")
                .bind("id", org.id()).bind("name", org.name()).bind("plan", org.planId()).bind("at", org.createdAt()).execute());
    }

    @Override
    public Optional<Organization> find(UUID id) {
        return db.with(h -> h.createQuery("select * from organizations where id = :id").bind("id", id).map(ORG).findOne());
    }

    @Override
    public Organization lock(UUID id) {
        return db.with(h -> h.createQuery("select * from organizations where id = :id for update").bind("id", id).map(ORG).findOne())
                .orElseThrow(() -> ProblemException.notFound("Organisation"));
    }

    @Override
    public void rename(UUID id, String name) {
        db.use(h -> h.createUpdate("update organizations set name = :name where id = :id").bind("id", id).bind("name", name).execute());
    }

    @Override
    public void changePlan(UUID id, String planId) {
        db.use(h -> h.createUpdate("update organizations set plan_id = :plan where id = :id").bind("id", id).bind("plan", planId).execute());
    }

    @Override
    public Optional<Plan> plan(String planId) {
        return db.with(h -> h.createQuery("select * from plans where id = :id").bind("id", planId).map(PLAN).findOne());
    }

    @Override
    public List<Organization> list(UUID after, int limit) {
        return db.with(h -> h.createQuery("select * from organizations where id > coalesce(cast(:after as uuid), '00000000-0000-0000-0000-000000000000') "
                + "order by id limit :limit").bind("after", after).bind("limit", limit).map(ORG).list());
    }

    @Override
    public List<Plan> plans() {
        return db.with(h -> h.createQuery("select * from plans order by sort_order, id").map(PLAN).list());
    }

    @Override
    public void savePlan(Plan plan) {
        db.use(h -> h.createUpdate("insert into plans (id, name, quotas, sort_order) values (:id, :name, cast(:q as jsonb), "
                        + "(select coalesce(max(sort_order), 0) + 1 from plans)) on conflict (id) do update set name = excluded.name, quotas = excluded.quotas")
                .bind("id", plan.id()).bind("name", plan.name()).bind("q", Json.write(plan.quotas())).execute());
    }

    private static Map<String, Long> quotas(String json) {
        try {
            return Json.MAPPER.readValue(json, new TypeReference<Map<String, Long>>() {});
        } catch (Exception e) {
            throw new IllegalStateException("plan quotas are not a JSON object of numbers: " + json, e);
        }
    }
}
