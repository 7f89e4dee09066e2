package org.queqiao.storage.pg;

import org.jdbi.v3.core.mapper.RowMapper;
import org.queqiao.desk.Visitor;
import org.queqiao.desk.store.VisitorStore;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Desk visitors, their token hashes and offline messages (V9 migration). */
public final class PgVisitorStore implements VisitorStore {
    private static final RowMapper<Visitor> VISITOR = (rs, ctx) -> new Visitor(Rows.uuid(rs, "id"), Rows.uuid(rs, "org_id"), Rows.uuid(rs, "channel_id"),
            rs.getString("external_id"), rs.getString("name"), rs.getString("email"), rs.getString("phone"), rs.getBoolean("vip"),
            Rows.uuid(rs, "last_agent_id"), Rows.instant(rs, "created_at"));

    private final Db db;

    public PgVisitorStore(Db db) {
        this.db = db;
    }

    @Override
    public void insert(Visitor v) {
        db.use(h -> h.createUpdate("insert into desk_visitors (id, org_id, channel_id, external_id, name, email, phone, vip, created_at, last_seen_at) "
                        + "values (:id, :org, :ch, :ext, :name, :email, :phone, :vip, :at, :at)")
                .bind("id", v.id()).bind("org", v.orgId()).bind("ch", v.channelId()).bind("ext", v.externalId()).bind("name", v.name())
                .bind("email", v.email()).bind("phone", v.phone()).bind("vip", v.vip()).bind("at", v.createdAt()).execute());
    }

    @Override
    public Optional<Visitor> find(UUID orgId, UUID id) {
        return db.with(h -> h.createQuery("select * from desk_visitors where id = :id and org_id = :org").bind("id", id).bind("org", orgId)
                .map(VISITOR).findOne());
    }

    @Override
    public Optional<Visitor> findByExternalId(UUID channelId, String externalId) {
        return db.with(h -> h.createQuery("select * from desk_visitors where channel_id = :ch and external_id = :ext").bind("ch", channelId)
                .bind("ext", externalId).map(VISITOR).findOne());
    }

    @Override
    public void update(Visitor v, Instant seenAt) {
        db.use(h -> h.createUpdate("update desk_visitors set name = :name, email = :email, phone = :phone, vip = :vip, last_seen_at = :at where id = :id")
                .bind("id", v.id()).bind("name", v.name()).bind("email", v.email()).bind("phone", v.phone()).bind("vip", v.vip())
                .bind("at", seenAt).execute());
    }

    @Override
    public void lock(UUID visitorId) {
        db.use(h -> h.createQuery("select id from desk_visitors where id = :id for update").bind("id", visitorId).mapTo(UUID.class).list());
    }

    @Override
    public void rememberAgent(UUID visitorId, UUID agentId) {
        db.use(h -> h.createUpdate("update desk_visitors set last_agent_id = :a where id = :id").bind("id", visitorId).bind("a", agentId).execute());
    }

    @Override
    public void insertToken(byte[] tokenHash, UUID visitorId, UUID orgId, Instant expiresAt) {
        db.use(h -> h.createUpdate("insert into desk_visitor_tokens (token_hash, visitor_id, org_id, expires_at) values (:h, :v, :org, :exp)")
                .bind("h", tokenHash).bind("v", visitorId).bind("org", orgId).bind("exp", expiresAt).execute());
    }

    @Override
    public Optional<Visitor> byToken(byte[] tokenHash, Instant now) {
        return db.with(h -> h.createQuery("select v.* from desk_visitor_tokens t join desk_visitors v on v.id = t.visitor_id "
                + "join desk_channels c on c.id = v.channel_id where t.token_hash = :h and t.expires_at > :now and c.deleted_at is null")
                .bind("h", tokenHash).bind("now", now).map(VISITOR).findOne());
    }

    @Override
    public java.util.List<OfflineMessage> offlineMessages(UUID orgId, int limit) {
        return db.with(h -> h.createQuery("select * from desk_offline_messages where org_id = :org order by created_at desc limit :n")
                .bind("org", orgId).bind("n", limit)
                .map((rs, ctx) -> new OfflineMessage(Rows.uuid(rs, "id"), Rows.uuid(rs, "org_id"), Rows.uuid(rs, "channel_id"), Rows.uuid(rs, "visitor_id"),
                        rs.getString("name"), rs.getString("email"), rs.getString("phone"), rs.getString("text"), Rows.instant(rs, "created_at"))).list());
    }

    @Override
    public void insertOfflineMessage(OfflineMessage m) {
        db.use(h -> h.createUpdate("insert into desk_offline_messages (id, org_id, channel_id, visitor_id, name, email, phone, text, created_at) "
                        + "values (:id, :org, :ch, :v, :name, :email, :phone, :text, :at)")
                .bind("id", m.id()).bind("org", m.orgId()).bind("ch", m.channelId()).bind("v", m.visitorId()).bind("name", m.name())
                .bind("email", m.email()).bind("phone", m.phone()).bind("text", m.text()).bind("at", m.createdAt()).execute());
    }
}
