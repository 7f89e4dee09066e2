package org.queqiao.desk.store;

import org.queqiao.desk.Visitor;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Visitors, their tokens (only hashes are stored) and the messages they leave when nobody is there. */
public interface VisitorStore {
    void insert(Visitor v);

    Optional<Visitor> find(UUID orgId, UUID id);

    Optional<Visitor> findByExternalId(UUID channelId, String externalId);

    /** Name, contact and VIP flag from a pre-chat form or the site's signed identity; last seen now. */
    void update(Visitor v, Instant seenAt);

    /** Locks the visitor's row until the transaction ends (one open conversation per visitor). */
    void lock(UUID visitorId);

    void rememberAgent(UUID visitorId, UUID agentId);

    void insertToken(byte[] tokenHash, UUID visitorId, UUID orgId, Instant expiresAt);

    /** The visitor a live token belongs to. */
    Optional<Visitor> byToken(byte[] tokenHash, Instant now);

    void insertOfflineMessage(OfflineMessage m);

    /** The organisation's offline messages, newest first. */
    java.util.List<OfflineMessage> offlineMessages(UUID orgId, int limit);

    record OfflineMessage(UUID id, UUID orgId, UUID channelId, UUID visitorId, String name, String email, String phone, String text,
                          Instant createdAt) {}
}
