package org.queqiao.messaging;

import org.queqiao.messaging.store.MessageStore;
import org.queqiao.platform.auth.Principal;
import org.queqiao.platform.problem.ProblemException;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/** Posting to a conversation and changing what was posted: send, edit, recall, react, forward. */
public final class ChatLog {
    private final MessageStore messages;
    private final org.queqiao.messaging.store.ConversationStore files;
    private final ChatAccess access;
    private final Appender appender;
    private final MessageRules rules;
    private final SendRateLimit rateLimit;
    private final Duration recallWindow;
    private final Clock clock;

    ChatLog(MessageStore messages, org.queqiao.messaging.store.ConversationStore files, ChatAccess access, Appender appender, MessageRules rules,
            ChatSettings settings, Clock clock) {
        this.messages = messages;
        this.files = files;
        this.access = access;
        this.appender = appender;
        this.rules = rules;
        this.rateLimit = new SendRateLimit(settings.sendRate(), settings.sendBurst());
        this.recallWindow = settings.recallWindow();
        this.clock = clock;
    }

    public SendResult send(Principal p, UUID conversationId, SendRequest r) {
        String clientMsgId = rules.clientMsgId(r.clientMsgId());
        MessageBody body = rules.body(p.orgId(), r);
        rateLimit.check(p.memberId());
        return appender.append(p, conversationId, clientMsgId, r.kind(), body, null, seat -> {
            rules.requireMayPost(seat, p, clock.instant());
            if (Boolean.TRUE.equals(body.mentionAll()) && seat.conversation().kind() != ConversationKind.DIRECT && !seat.manages(p)) {
                throw ProblemException.forbidden("mention_all_forbidden", "Only the group's owner or admins may mention everyone");
            }
            if (body.replyTo() != null) visibleMessage(seat, body.replyTo());
        }, e -> {});
    }

    /** A file or image message; the bytes are already in the blob store and the file registered (see {@link ChatFiles}). */
    SendResult sendAttachment(Principal p, UUID conversationId, String clientMsgId, MessageBody.Attachment file, String caption,
                              java.util.function.Consumer<Entry> stored) {
        String id = rules.clientMsgId(clientMsgId);
        String text = caption == null || caption.isBlank() ? null : rules.text(p.orgId(), caption);
        EntryKind kind = ChatFiles.isImage(file.contentType()) ? EntryKind.IMAGE : EntryKind.FILE;
        rateLimit.check(p.memberId());
        MessageBody body = new MessageBody(text, null, null, null, null, file, null, null, null, null);
        return appender.append(p, conversationId, id, kind, body, null, seat -> rules.requireMayPost(seat, p, clock.instant()), stored);
    }

    /** The sender changes the text of their text message. */
    public SendResult edit(Principal p, UUID conversationId, long seq, String clientMsgId, String newText) {
        String id = rules.clientMsgId(clientMsgId);
        String text = rules.text(p.orgId(), newText);
        rateLimit.check(p.memberId());
        return appender.append(p, conversationId, id, EntryKind.EDIT, MessageBody.text(text), seq, seat -> {
            rules.requireMayPost(seat, p, clock.instant());
            Entry target = visibleMessage(seat, seq);
            if (!target.senderId().equals(p.memberId())) throw ProblemException.forbidden("not_sender", "Only the sender may edit a message");
            if (target.kind() != EntryKind.TEXT) throw ProblemException.conflict("not_editable", "Only text messages can be edited", null);
        }, e -> messages.recordEdit(conversationId, seq, MessageBody.text(text), e.createdAt()));
    }

    /**
     * Takes a message back: its content is forgotten and everyone sees that it was recalled. Senders
     * may recall within chat.recall-window; the group's owner and admins, and organisation admins, at any time.
     */
    public SendResult recall(Principal p, UUID conversationId, long seq, String clientMsgId) {
        String id = rules.clientMsgId(clientMsgId);
        return appender.append(p, conversationId, id, EntryKind.RECALL, MessageBody.EMPTY, seq, seat -> {
            Entry target = visibleMessage(seat, seq);
            boolean moderator = p.isAdmin() || (seat.conversation().kind() != ConversationKind.DIRECT && seat.manages(p));
            if (!moderator) {
                if (!target.senderId().equals(p.memberId())) throw ProblemException.forbidden("not_sender", "Only the sender or a group admin may recall a message");
                if (target.createdAt().plus(recallWindow).isBefore(clock.instant())) {
                    throw ProblemException.forbidden("recall_window_passed", "Messages can be recalled within " + recallWindow.toMinutes() + " minutes of sending");
                }
            }
        }, e -> messages.recordRecall(conversationId, seq, e.createdAt()));
    }

    /** Adds ({@code added}) or takes back one reaction of the caller on a message. */
    public SendResult react(Principal p, UUID conversationId, long seq, String clientMsgId, String emoji, boolean added) {
        String id = rules.clientMsgId(clientMsgId);
        String e1 = rules.emoji(emoji);
        rateLimit.check(p.memberId());
        return appender.append(p, conversationId, id, EntryKind.REACTION, MessageBody.reaction(e1, added), seq, seat -> {
            seat.requireOpen();
            visibleMessage(seat, seq);
        }, e -> messages.recordReaction(conversationId, seq, e1, p.memberId(), added));
    }

    /** Copies a message the caller can see into another conversation they may post to. */
    public SendResult forward(Principal p, UUID fromConversationId, long seq, UUID toConversationId, String clientMsgId) {
        Seat from = access.seat(p, fromConversationId);
        Entry original = visibleMessage(from, seq);
        MessageBody b = original.body();
        MessageBody copy = new MessageBody(b.text(), null, null, null,
                b.forwardOf() != null ? b.forwardOf() : new MessageBody.ForwardOf(fromConversationId, seq, original.senderId()),
                b.file(), b.card(), null, null, null);
        String id = rules.clientMsgId(clientMsgId);
        rateLimit.check(p.memberId());
        return appender.append(p, toConversationId, id, original.kind(), copy, null,
                seat -> rules.requireMayPost(seat, p, clock.instant()), e -> {
                    // the copy's members may download the file too
                    if (b.file() != null) files.recordFile(new ChatFile(toConversationId, b.file().sha256(), b.file().name(), b.file().contentType(),
                            b.file().size(), p.memberId(), e.createdAt()));
                });
    }

    /** A message (not a system or change entry) the seat's member can see, not recalled. */
    private Entry visibleMessage(Seat seat, long seq) {
        Entry e = seq > seat.membership().visibleAfter()
                ? messages.find(seat.conversation().id(), seq).orElse(null) : null;
        if (e == null || !e.kind().isMessage()) throw new ProblemException(404, "no_such_message", "There is no message " + seq + " in this conversation", "seq", null);
        if (e.isRecalled()) throw ProblemException.conflict("message_recalled", "That message was recalled", "seq");
        return e;
    }
}
