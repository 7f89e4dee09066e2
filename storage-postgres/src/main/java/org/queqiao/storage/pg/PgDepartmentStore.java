package org.queqiao.storage.pg;

import org.jdbi.v3.core.mapper.RowMapper;
import org.queqiao.directory.Department;
import org.queqiao.directory.store.DepartmentStore;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public final class PgDepartmentStore implements DepartmentStore {
    private static final String SELECT = "select d.*, "
            + "(select count(*) from member_departments md where md.department_id = d.id) as member_count, "
            + "(select count(*) from departments c where c.parent_id = d.id) as child_count from departments d ";
    private static final RowMapper<Department> DEPT = (rs, ctx) -> new Department(Rows.uuid(rs, "id"), Rows.uuid(rs, "org_id"),
            Rows.uuid(rs, "parent_id"), rs.getString("name"), rs.getInt("member_count"), rs.getInt("child_count"), Rows.instant(rs, "created_at"));

    private final Db db;

    public PgDepartmentStore(Db db) {
        this.db = db;
    }

    @Override
    public void insert(Department d) {
        db.use(h -> h.createUpdate("insert into departments (id, org_id, parent_id, name, created_at) values (:id, :org, :parent, :name, :at)")
                .bind("id", d.id()).bind("org", d.orgId()).bind("parent", d.parentId()).bind("name", d.name()).bind("at", d.createdAt()).execute());
    }

    @Override
    public Optional<Department> find(UUID orgId, UUID id) {
        return db.with(h -> h.createQuery(SELECT + "where d.org_id = :org and d.id = :id").bind("org", orgId).bind("id", id).map(DEPT).findOne());
    }

    @Override
    public List<Department> list(UUID orgId) {
        return db.with(h -> h.createQuery(SELECT + "where d.org_id = :org order by lower(d.name), d.id").bind("org", orgId).map(DEPT).list());
    }

    @Override
    public List<UUID> existing(UUID orgId, List<UUID> ids) {
        if (ids.isEmpty()) return List.of();
        return db.with(h -> h.createQuery("select id from departments where org_id = :org and id = any(:ids)")
                .bind("org", orgId).bindArray("ids", UUID.class, ids).mapTo(UUID.class).list());
    }

    @Override
    public void rename(UUID orgId, UUID id, String name) {
        db.use(h -> h.createUpdate("update departments set name = :name where org_id = :org and id = :id")
                .bind("org", orgId).bind("id", id).bind("name", name).execute());
    }

    @Override
    public void move(UUID orgId, UUID id, UUID newParentId) {
        db.use(h -> h.createUpdate("update departments set parent_id = :parent where org_id = :org and id = :id")
                .bind("org", orgId).bind("id", id).bind("parent", newParentId).execute());
    }

    @Override
    public void delete(UUID orgId, UUID id) {
        db.use(h -> h.createUpdate("delete from departments where org_id = :org and id = :id").bind("org", orgId).bind("id", id).execute());
    }

    @Override
    public long count(UUID orgId) {
        return db.with(h -> h.createQuery("select count(*) from departments where org_id = :org").bind("org", orgId).mapTo(Long.class).one());
    }
}
