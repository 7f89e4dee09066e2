package org.queqiao.storage.pg;

import org.jdbi.v3.core.mapper.RowMapper;
import org.queqiao.identity.Session;
import org.queqiao.identity.store.SessionStore;
import org.queqiao.platform.auth.Role;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public final class PgSessionStore implements SessionStore {
    private static final RowMapper<Session> SESSION = (rs, ctx) -> new Session(Rows.uuid(rs, "id"), Rows.uuid(rs, "org_id"),
            Rows.uuid(rs, "member_id"), rs.getString("device_name"), rs.getString("ip"), rs.getString("user_agent"),
            Rows.instant(rs, "created_at"), Rows.instant(rs, "last_seen_at"), Rows.instant(rs, "expires_at"), Rows.instant(rs, "revoked_at"));

    private final Db db;

    public PgSessionStore(Db db) {
        this.db = db;
    }

    @Override
    public void insert(Session s, byte[] tokenHash) {
        db.use(h -> h.createUpdate("insert into sessions (id, org_id, member_id, token_hash, device_name, ip, user_agent, created_at, last_seen_at, expires_at) "
                        + "values (:id, :org, :member, :hash, :device, :ip, :ua, :at, :at, :exp)")
                .bind("id", s.id()).bind("org", s.orgId()).bind("member", s.memberId()).bind("hash", tokenHash)
                .bind("device", s.deviceName()).bind("ip", s.ip()).bind("ua", s.userAgent()).bind("at", s.createdAt())
                .bind("exp", s.expiresAt()).execute());
    }

    @Override
    public Optional<LiveSession> findLive(byte[] tokenHash, Instant now) {
        // The member's status and role are read with the session on every request: deactivation and
        // role changes take effect on the very next call, on every node.
        return db.with(h -> h.createQuery("select s.*, m.role as member_role from sessions s join members m on m.id = s.member_id "
                        + "where s.token_hash = :hash and s.revoked_at is null and s.expires_at > :now and m.status = 'active'")
                .bind("hash", tokenHash).bind("now", now)
                .map((rs, ctx) -> new LiveSession(SESSION.map(rs, ctx), Role.fromWire(rs.getString("member_role")))).findOne());
    }

    @Override
    public void touch(UUID sessionId, Instant now, Instant expiresAt) {
        db.use(h -> h.createUpdate("update sessions set last_seen_at = :now, expires_at = :exp where id = :id")
                .bind("id", sessionId).bind("now", now).bind("exp", expiresAt).execute());
    }

    @Override
    public List<Session> listLive(UUID memberId, Instant now) {
        return db.with(h -> h.createQuery("select * from sessions where member_id = :m and revoked_at is null and expires_at > :now "
                + "order by last_seen_at desc limit 200").bind("m", memberId).bind("now", now).map(SESSION).list());
    }

    @Override
    public boolean revoke(UUID memberId, UUID sessionId, Instant at) {
        return db.with(h -> h.createUpdate("update sessions set revoked_at = :at where id = :id and member_id = :m and revoked_at is null")
                .bind("id", sessionId).bind("m", memberId).bind("at", at).execute()) > 0;
    }

    @Override
    public List<UUID> revokeAll(UUID memberId, UUID keep, Instant at) {
        return db.with(h -> h.createQuery("update sessions set revoked_at = :at where member_id = :m and revoked_at is null and expires_at > :at "
                        + "and id is distinct from cast(:keep as uuid) returning id")
                .bind("m", memberId).bind("keep", keep).bind("at", at).mapTo(UUID.class).list());
    }
}
