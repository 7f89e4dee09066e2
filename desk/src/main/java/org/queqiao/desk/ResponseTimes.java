package org.queqiao.desk;

import org.queqiao.messaging.Entry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Response times read from the conversation's log once it ends, so they are exact whatever raced while
 * it was open: the first message by a person of the desk after the handoff (first response), and each
 * later wait from a visitor's message to the next reply (next responses). The bot's and the visitor's
 * own messages never count as replies.
 */
record ResponseTimes(Instant firstResponseAt, int responses, long responseMsTotal) {
    static final ResponseTimes NONE = new ResponseTimes(null, 0, 0);

    static ResponseTimes of(List<Entry> log, UUID visitorId, Instant handoffAt) {
        if (handoffAt == null) return NONE;
        Instant first = null;
        Instant waitingSince = null;
        int responses = 0;
        long total = 0;
        for (Entry e : log) {
            if (!e.kind().isMessage() || e.senderId() == null || e.createdAt().isBefore(handoffAt)) continue;
            boolean fromVisitor = e.senderId().equals(visitorId);
            boolean fromBot = e.senderId().equals(DeskBot.BOT_ID);
            if (fromVisitor) {
                if (first != null && waitingSince == null) waitingSince = e.createdAt();
            } else if (!fromBot) {
                if (first == null) {
                    first = e.createdAt();
                } else if (waitingSince != null) {
                    responses++;
                    total += Duration.between(waitingSince, e.createdAt()).toMillis();
                    waitingSince = null;
                }
            }
        }
        return new ResponseTimes(first, responses, total);
    }
}
