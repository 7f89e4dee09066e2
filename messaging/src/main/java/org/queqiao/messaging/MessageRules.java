package org.queqiao.messaging;

import org.queqiao.platform.auth.Principal;
import org.queqiao.platform.problem.ProblemException;
import org.queqiao.platform.problem.Validate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/** What a message may contain and who may post; every failure names the field and a stable code. */
final class MessageRules {
    private static final Pattern CLIENT_MSG_ID = Pattern.compile("^[A-Za-z0-9_.:-]{1,64}$");
    static final int MAX_MENTIONS = 100;
    static final int MAX_CARD_JSON = 4096;

    private final int maxTextChars;
    private final TextFilter filter;

    MessageRules(int maxTextChars, TextFilter filter) {
        this.maxTextChars = maxTextChars;
        this.filter = filter;
    }

    String clientMsgId(String id) {
        Validate.check(id != null && CLIENT_MSG_ID.matcher(id).matches(), "clientMsgId", "invalid_client_msg_id",
                "clientMsgId must be 1 to 64 letters, digits or _ . : - (a UUID is a good choice)");
        return id;
    }

    /** Text after the organisation's filter; newlines and tabs allowed, other control characters not. */
    String text(UUID orgId, String text) {
        if (text == null || text.isBlank()) throw ProblemException.invalid("text", "required", "text is required");
        int len = text.codePointCount(0, text.length());
        if (len > maxTextChars) {
            throw new ProblemException(400, "text_too_long", "Messages are limited to " + maxTextChars + " characters; this one has " + len, "text",
                    Map.of("limit", maxTextChars, "length", len));
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r') {
                throw ProblemException.invalid("text", "control_character", "text must not contain control characters");
            }
        }
        return filter.apply(orgId, text);
    }

    String emoji(String emoji) {
        return Validate.text("emoji", emoji, 1, 16);
    }

    MessageBody body(UUID orgId, SendRequest r) {
        if (r.kind() == null) throw ProblemException.invalid("kind", "required", "kind is required: text or card");
        List<UUID> mentions = r.mentions() == null || r.mentions().isEmpty() ? null : List.copyOf(new java.util.LinkedHashSet<>(r.mentions()));
        if (mentions != null && mentions.size() > MAX_MENTIONS) throw ProblemException.invalid("mentions", "too_many_mentions", "At most " + MAX_MENTIONS + " mentions per message");
        if (r.replyTo() != null && r.replyTo() < 1) throw ProblemException.invalid("replyTo", "invalid_seq", "replyTo must be a message's sequence number");
        Boolean all = r.mentionAll() ? Boolean.TRUE : null;
        return switch (r.kind()) {
            case TEXT -> new MessageBody(text(orgId, r.text()), mentions, all, r.replyTo(), null, null, null, null, null, null);
            case CARD -> new MessageBody(r.text() == null || r.text().isBlank() ? null : text(orgId, r.text()), mentions, all, r.replyTo(), null, null,
                    card(r.card()), null, null, null);
            default -> throw ProblemException.invalid("kind", "unsupported_kind", "kind must be text or card here; files are sent by uploading");
        };
    }

    /** A card (e.g. a meeting invitation): a JSON object with a string "type", at most 4 KiB. */
    private static Map<String, Object> card(Map<String, Object> card) {
        if (card == null) throw ProblemException.invalid("card", "required", "A card message needs card");
        if (!(card.get("type") instanceof String type) || type.isBlank()) throw ProblemException.invalid("card.type", "required", "card.type is required, e.g. meeting");
        if (org.queqiao.platform.json.Json.write(card).length() > MAX_CARD_JSON) throw ProblemException.invalid("card", "card_too_large", "A card is limited to " + MAX_CARD_JSON + " bytes of JSON");
        return card;
    }

    void requireMayPost(Seat seat, Principal p, Instant now) {
        seat.requireOpen();
        if (seat.membership().isMutedAt(now) && !seat.manages(p)) {
            throw new ProblemException(403, "muted", "You are muted in this conversation until " + seat.membership().mutedUntil(), null,
                    Map.of("mutedUntil", seat.membership().mutedUntil().toString()));
        }
    }
}
