package org.queqiao.messaging.notice;

import java.time.Instant;
import java.util.UUID;

/** An urgent notice and how many of its recipients have confirmed it. */
public record UrgentNotice(UUID id, UUID orgId, UUID senderId, String text, int recipientCount, int confirmedCount, Instant createdAt,
                           Instant lastNotifiedAt) {}
