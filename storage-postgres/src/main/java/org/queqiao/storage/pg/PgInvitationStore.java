package org.queqiao.storage.pg;

import org.jdbi.v3.core.mapper.RowMapper;
import org.queqiao.directory.Invitation;
import org.queqiao.directory.store.InvitationStore;
import org.queqiao.platform.auth.Role;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public final class PgInvitationStore implements InvitationStore {
    private static final RowMapper<Invitation> INV = (rs, ctx) -> new Invitation(Rows.uuid(rs, "id"), Rows.uuid(rs, "org_id"),
            rs.getString("code"), Role.fromWire(rs.getString("role")), Rows.uuid(rs, "created_by"), Rows.instant(rs, "created_at"),
            Rows.instant(rs, "expires_at"), (Integer) rs.getObject("max_uses"), rs.getInt("uses"), Rows.instant(rs, "revoked_at"));

    private final Db db;

    public PgInvitationStore(Db db) {
        this.db = db;
    }

    @Override
    public void insert(Invitation i) {
        db.use(h -> h.createUpdate("insert into invitations (id, org_id, code, role, created_by, created_at, expires_at, max_uses) "
                        + "values (:id, :org, :code, :role, :by, :at, :exp, :max)")
                .bind("id", i.id()).bind("org", i.orgId()).bind("code", i.code()).bind("role", i.role().wire()).bind("by", i.createdBy())
                .bind("at", i.createdAt()).bind("exp", i.expiresAt()).bind("max", i.maxUses()).execute());
    }

    @Override
    public List<Invitation> list(UUID orgId) {
        return db.with(h -> h.createQuery("select * from invitations where org_id = :org order by created_at desc limit 500")
                .bind("org", orgId).map(INV).list());
    }

    @Override
    public long countUsable(UUID orgId, Instant now) {
        return db.with(h -> h.createQuery("select count(*) from invitations where org_id = :org and revoked_at is null and expires_at > :now "
                        + "and (max_uses is null or uses < max_uses)").bind("org", orgId).bind("now", now).mapTo(Long.class).one());
    }

    @Override
    public Optional<Invitation> findByCode(String code) {
        return db.with(h -> h.createQuery("select * from invitations where code = :code").bind("code", code).map(INV).findOne());
    }

    @Override
    public boolean revoke(UUID orgId, UUID id, Instant at) {
        return db.with(h -> h.createUpdate("update invitations set revoked_at = coalesce(revoked_at, :at) where org_id = :org and id = :id")
                .bind("org", orgId).bind("id", id).bind("at", at).execute()) > 0;
    }

    @Override
    public boolean consumeUse(UUID id, Instant now) {
        return db.with(h -> h.createUpdate("update invitations set uses = uses + 1 where id = :id and revoked_at is null "
                        + "and expires_at > :now and (max_uses is null or uses < max_uses)").bind("id", id).bind("now", now).execute()) == 1;
    }

    @Override
    public int reassignCreator(UUID orgId, UUID from, UUID to) {
        return db.with(h -> h.createUpdate("update invitations set created_by = :to where org_id = :org and created_by = :from")
                .bind("org", orgId).bind("from", from).bind("to", to).execute());
    }
}
