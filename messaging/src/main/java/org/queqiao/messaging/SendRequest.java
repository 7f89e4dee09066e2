package org.queqiao.messaging;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A message as a client sends it. {@code clientMsgId} is chosen by the sending device, unique among
 * its messages in this conversation: resending after a timeout with the same id returns the stored
 * message instead of storing a copy.
 */
public record SendRequest(String clientMsgId, EntryKind kind, String text, List<UUID> mentions, boolean mentionAll, Long replyTo,
                          Map<String, Object> card) {}
