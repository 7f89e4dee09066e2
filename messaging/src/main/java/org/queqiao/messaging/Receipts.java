package org.queqiao.messaging;

import java.util.List;
import java.util.UUID;

/** Who has read one message: counts over every member who can see it, and one page of ids of either side. */
public record Receipts(long seq, long readCount, long unreadCount, List<UUID> members, String nextCursor) {}
