package org.queqiao.messaging.notice;

import org.queqiao.platform.page.Page;
import org.queqiao.platform.page.PageRequest;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Urgent notices and their recipients' confirmations. Scoped by organisation. */
public interface NoticeStore {
    /**
     * The active members of the organisation among {@code memberIds} and in the departments
     * {@code departmentIds} or below them, without {@code exclude}; at most {@code limit + 1}
     * (so the caller can tell "too many").
     */
    List<UUID> resolveRecipients(UUID orgId, Collection<UUID> memberIds, Collection<UUID> departmentIds, UUID exclude, int limit);

    void insert(UrgentNotice notice, List<UUID> recipients);

    Optional<UrgentNotice> find(UUID orgId, UUID id);

    boolean isRecipient(UUID noticeId, UUID memberId);

    /** @return the confirmed count after this confirmation, or empty if it was confirmed already */
    Optional<Integer> confirm(UUID noticeId, UUID memberId, Instant at);

    /** Recipients who have (or have not) confirmed, in member id order. */
    Page<UUID> recipients(UUID noticeId, boolean confirmed, PageRequest page);

    /** The member's unconfirmed notices, oldest first (at most {@code limit}). */
    List<UrgentNotice> pendingFor(UUID orgId, UUID memberId, int limit);

    Page<UrgentNotice> sentBy(UUID orgId, UUID senderId, PageRequest page);

    /** Every active recipient who has not confirmed (for re-notifying; offboarded members are left out). */
    List<UUID> unconfirmed(UUID noticeId);

    /** Moves the last notification time from {@code previous} to {@code at}; false if someone else moved it first. */
    boolean touchNotified(UUID noticeId, Instant previous, Instant at);
}
