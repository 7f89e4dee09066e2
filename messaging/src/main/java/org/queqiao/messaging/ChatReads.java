package org.queqiao.messaging;

import org.queqiao.messaging.store.ConversationStore;
import org.queqiao.messaging.store.MessageStore;
import org.queqiao.platform.auth.Principal;
import org.queqiao.platform.page.Page;
import org.queqiao.platform.page.PageRequest;
import org.queqiao.platform.problem.ProblemException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Reading: history pages, catching up from cursors, read positions, read receipts, typing. */
public final class ChatReads {
    public static final int MAX_HISTORY_PAGE = 200;

    private final ConversationStore conversations;
    private final MessageStore messages;
    private final ChatAccess access;
    private final ChatDelivery delivery;
    private final ChatSettings settings;

    ChatReads(ConversationStore conversations, MessageStore messages, ChatAccess access, ChatDelivery delivery, ChatSettings settings) {
        this.conversations = conversations;
        this.messages = messages;
        this.access = access;
        this.delivery = delivery;
        this.settings = settings;
    }

    /**
     * A page of the log. With {@code after}: entries after it, oldest first (catching up one
     * conversation). Otherwise: entries before {@code before} (or the newest), newest first (scrolling up).
     */
    public List<Entry> history(Principal p, UUID conversationId, Long before, Long after, int limit) {
        if (limit < 1 || limit > MAX_HISTORY_PAGE) throw ProblemException.invalid("limit", "out_of_range", "limit must be between 1 and " + MAX_HISTORY_PAGE);
        if (before != null && after != null) throw ProblemException.invalid("before", "conflicting_parameters", "Give before or after, not both");
        Seat seat = access.seat(p, conversationId);
        long visibleAfter = seat.membership().visibleAfter();
        if (after != null) return messages.oldestAfter(conversationId, Math.max(after, visibleAfter), limit);
        return messages.newestBetween(conversationId, visibleAfter, before == null ? Long.MAX_VALUE : before, limit);
    }

    /**
     * Catches a device up: {@code cursors} maps each conversation it knows to the last sequence
     * number it holds. Conversations it does not name are included from what the member may see.
     * One query whatever the number of conversations.
     */
    public SyncResult sync(Principal p, Map<UUID, Long> cursors) {
        if (cursors.size() > 10_000) throw ProblemException.invalid("cursors", "too_many_cursors", "At most 10000 cursors per sync");
        cursors.forEach((id, seq) -> {
            if (seq == null || seq < 0) throw ProblemException.invalid("cursors." + id, "invalid_seq", "Cursors are sequence numbers, 0 or more");
        });
        int per = settings.syncPerConversation();
        // one conversation more than an answer holds tells whether there are further ones
        Map<UUID, List<Entry>> found = messages.entriesSince(p.memberId(), cursors, per + 1, settings.syncMaxConversations() + 1);
        Map<UUID, ConversationStore.Position> mine = conversations.positions(p.orgId(), p.memberId());
        List<SyncResult.ConversationNews> news = new ArrayList<>();
        boolean more = false;
        for (var e : found.entrySet()) {
            ConversationStore.Position s = mine.get(e.getKey());
            if (s == null || e.getValue().isEmpty()) continue;
            if (news.size() == settings.syncMaxConversations()) {
                more = true;
                break;
            }
            List<Entry> entries = e.getValue();
            boolean convMore = entries.size() > per;
            news.add(new SyncResult.ConversationNews(e.getKey(), s.kind(), s.lastSeq(), s.readSeq(),
                    convMore ? entries.subList(0, per) : entries, convMore));
        }
        Set<UUID> removed = new HashSet<>(cursors.keySet());
        removed.removeAll(mine.keySet());
        return new SyncResult(news, List.copyOf(removed), more);
    }

    /** Marks everything up to {@code seq} read (never moves back); syncs to the member's other devices. */
    public long markRead(Principal p, UUID conversationId, long seq) {
        if (seq < 0) throw ProblemException.invalid("seq", "invalid_seq", "seq must be 0 or more");
        Seat seat = access.seat(p, conversationId);
        long upTo = Math.min(seq, seat.conversation().lastSeq());
        if (upTo <= seat.membership().readSeq()) return seat.membership().readSeq();
        long now = conversations.markRead(conversationId, p.memberId(), upTo);
        if (now > seat.membership().readSeq()) delivery.readMoved(seat.conversation(), p.memberId(), now);
        return now;
    }

    /** Who has read message {@code seq} ({@code read} = true) or not yet; any member of the conversation may look. */
    public Receipts receipts(Principal p, UUID conversationId, long seq, boolean read, PageRequest page) {
        Seat seat = access.seat(p, conversationId);
        if (seq <= seat.membership().visibleAfter() || seq > seat.conversation().lastSeq()) {
            throw new ProblemException(404, "no_such_message", "There is no message " + seq + " in this conversation", "seq", null);
        }
        var counts = conversations.receiptCounts(conversationId, seq);
        Page<UUID> members = conversations.receiptMembers(conversationId, seq, read, page);
        return new Receipts(seq, counts.read(), counts.unread(), members.items(), members.nextCursor());
    }

    /** "Is typing" to the others, only in direct chats and groups up to chat.typing-max-members. */
    public void typing(Principal p, UUID conversationId) {
        Seat seat = access.seat(p, conversationId);
        Conversation c = seat.conversation();
        if (c.kind() != ConversationKind.DIRECT && c.memberCount() > settings.typingMaxMembers()) return;
        List<UUID> others = new ArrayList<>(conversations.memberIds(c.id()));
        others.remove(p.memberId());
        delivery.typing(c, p.memberId(), others);
    }
}
