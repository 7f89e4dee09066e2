package org.queqiao.storage.pg;

import org.jdbi.v3.core.mapper.RowMapper;
import org.queqiao.identity.store.Credential;
import org.queqiao.identity.store.CredentialStore;

import java.time.Instant;
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
        db.use(h -> h.createUpdate("update members set password_hash = :hash, must_change_password = :must where id = :id")
                .bind("id", memberId).bind("hash", hash).bind("must", mustChange).execute());
    }

    @Override
    public int recordFailure(UUID memberId, Instant lockUntil) {
        return db.with(h -> h.createQuery("update members set failed_logins = case when cast(:lock as timestamptz) is null then failed_logins + 1 else 0 end, "
                        + "locked_until = coalesce(cast(:lock as timestamptz), locked_until) where id = :id returning failed_logins")
                .bind("id", memberId).bind("lock", lockUntil).mapTo(Integer.class).one());
    }

    @Override
    public void clearFailures(UUID memberId) {
        db.use(h -> h.createUpdate("update members set failed_logins = 0, locked_until = null where id = :id").bind("id", memberId).execute());
    }
}
