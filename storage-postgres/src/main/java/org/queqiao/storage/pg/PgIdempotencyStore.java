package org.queqiao.storage.pg;

import org.queqiao.platform.idempotency.IdempotencyStore;

import java.util.Optional;
import java.util.UUID;

public final class PgIdempotencyStore implements IdempotencyStore {
    private final Db db;

    public PgIdempotencyStore(Db db) {
        this.db = db;
    }

    @Override
    public Optional<Recorded> claim(UUID callerId, String key, String requestHash) {
        int inserted = db.with(h -> h.createUpdate("insert into idempotency_keys (member_id, key, request_hash) values (:m, :k, :h) "
                + "on conflict do nothing").bind("m", callerId).bind("k", key).bind("h", requestHash).execute());
        if (inserted == 1) return Optional.empty();
        return db.with(h -> h.createQuery("select request_hash, status, body from idempotency_keys where member_id = :m and key = :k")
                .bind("m", callerId).bind("k", key)
                .map((rs, ctx) -> new Recorded(rs.getString("request_hash"), (Integer) rs.getObject("status"), rs.getString("body")))
                .findOne());
    }

    @Override
    public void complete(UUID callerId, String key, int status, String body) {
        db.use(h -> h.createUpdate("update idempotency_keys set status = :s, body = :b where member_id = :m and key = :k")
                .bind("m", callerId).bind("k", key).bind("s", status).bind("b", body).execute());
    }

    @Override
    public void release(UUID callerId, String key) {
        db.use(h -> h.createUpdate("delete from idempotency_keys where member_id = :m and key = :k and status is null")
                .bind("m", callerId).bind("k", key).execute());
    }
}
