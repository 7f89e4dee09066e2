package org.queqiao.storage.pg;

import org.jdbi.v3.core.mapper.RowMapper;
import org.queqiao.identity.store.Credential;
import org.queqiao.identity.store.CredentialStore;

import org.jdbi.v3.core.statement.PreparedBatch;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

public final class PgCredentialStore implements CredentialStore {
    private static final RowMapper<Credential> CRED = (rs, ctx) -> new Credential(Rows.uuid(rs, "id"), Rows.uuid(rs, "org_id"),
            rs.getString("password_hash"), rs.getInt("failed_logins"), Rows.instant(rs, "locked_until"), rs.getBoolean("must_change_password"));

    private final Db db;

    public PgCredentialStore(Db db) {
        this.db = db;
    }

    @Override
    public Optional<Credential> findActiveByEmail(String email) {
        return db.with(h -> h.createQuery("select id, org_id, password_hash, failed_logins, locked_until, must_change_password from members "
                + "where lower(email) = lower(:email) and status = 'active'").bind("email", email).map(CRED).findOne());
    }

    @Override
    public Optional<Credential> find(UUID memberId) {
        return db.with(h -> h.createQuery("select id, org_id, password_hash, failed_logins, locked_until, must_change_password from members where id = :id")
                .bind("id", memberId).map(CRED).findOne());
    }

    @Override
    public void setPassword(UUID memberId, String hash, boolean mustChange) {
        db.use(h -> h.createUpdate("update members set password_hash = :hash, must_change_password = :must, activation_code_hash = null, activation_expires_at = null where id = :id")
                .bind("id", memberId).bind("hash", hash).bind("must", mustChange).execute());
    }

    @Override
    public int recordFailure(UUID memberId, Instant lockUntil) {
        return db.with(h -> h.createQuery("update members set failed_logins = case when cast(:lock as timestamptz) is null then failed_logins + 1 else 0 end, "
                        + "locked_until = coalesce(cast(:lock as timestamptz), locked_until) where id = :id returning failed_logins")
                .bind("id", memberId).bind("lock", lockUntil).mapTo(Integer.class).one());
    }

    @Override
    public List<Activation> withoutPassword(UUID orgId) {
        return db.with(h -> h.createQuery("select id, name, email from members where org_id = :org and status = 'active' "
                        + "and password_hash is null order by sort_name, id")
                .bind("org", orgId).map((rs, ctx) -> new Activation(Rows.uuid(rs, "id"), rs.getString("name"), rs.getString("email"))).list());
    }

    @Override
    public void setActivationCodes(Map<UUID, byte[]> codeHashByMember, Instant expiresAt) {
        if (codeHashByMember.isEmpty()) return;
        db.use(h -> {
            PreparedBatch b = h.prepareBatch("update members set activation_code_hash = :hash, activation_expires_at = :exp where id = :id");
            codeHashByMember.forEach((id, hash) -> b.bind("id", id).bind("hash", hash).bind("exp", expiresAt).add());
            b.execute();
        });
    }

    @Override
    public Optional<PendingActivation> pendingActivation(String email) {
        return db.with(h -> h.createQuery("select id, org_id, activation_code_hash, activation_expires_at from members "
                        + "where lower(email) = lower(:email) and status = 'active' and activation_code_hash is not null")
                .bind("email", email)
                .map((rs, ctx) -> new PendingActivation(Rows.uuid(rs, "id"), Rows.uuid(rs, "org_id"), rs.getBytes("activation_code_hash"),
                        Rows.instant(rs, "activation_expires_at"))).findOne());
    }

    @Override
    public boolean activate(UUID memberId, byte[] expectedCodeHash, String passwordHash) {
        return db.with(h -> h.createUpdate("update members set password_hash = :pw, must_change_password = false, activation_code_hash = null, "
                        + "activation_expires_at = null, failed_logins = 0, locked_until = null "
                        + "where id = :id and status = 'active' and activation_code_hash = :code")
                .bind("id", memberId).bind("pw", passwordHash).bind("code", expectedCodeHash).execute()) == 1;
    }

    @Override
    public void clearFailures(UUID memberId) {
        db.use(h -> h.createUpdate("update members set failed_logins = 0, locked_until = null where id = :id").bind("id", memberId).execute());
    }
}
