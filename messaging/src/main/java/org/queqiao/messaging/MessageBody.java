package org.queqiao.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The content of an entry; which fields are set depends on its {@link EntryKind}. Stored as JSON, so
 * adding a field needs no migration.
 *
 * @param text       text messages and edits
 * @param mentions   members mentioned with @
 * @param mentionAll @all (admins and owners of a group only)
 * @param replyTo    the sequence number of the message this one quotes
 * @param forwardOf  where a forwarded message came from
 * @param file       file and image messages
 * @param card       card messages (a meeting invitation)
 * @param event      system entries: what happened (e.g. members_added)
 * @param emoji      reactions: which one
 * @param added      reactions: added (true) or taken back (false)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageBody(String text, List<UUID> mentions, Boolean mentionAll, Long replyTo, ForwardOf forwardOf, Attachment file,
                          Map<String, Object> card, Map<String, Object> event, String emoji, Boolean added) {

    public static final MessageBody EMPTY = new MessageBody(null, null, null, null, null, null, null, null, null, null);

    public static MessageBody text(String text) {
        return new MessageBody(text, null, null, null, null, null, null, null, null, null);
    }

    public static MessageBody event(Map<String, Object> event) {
        return new MessageBody(null, null, null, null, null, null, null, event, null, null);
    }

    public static MessageBody reaction(String emoji, boolean added) {
        return new MessageBody(null, null, null, null, null, null, null, null, emoji, added);
    }

    public MessageBody withText(String newText) {
        return new MessageBody(newText, mentions, mentionAll, replyTo, forwardOf, file, card, event, emoji, added);
    }

    /** A forwarded message's origin: the conversation and entry it was copied from. */
    public record ForwardOf(UUID conversationId, long seq, UUID senderId) {}

    /** An uploaded file: content-addressed by its SHA-256, downloaded through its conversation. */
    public record Attachment(String sha256, String name, String contentType, long size) {}
}
