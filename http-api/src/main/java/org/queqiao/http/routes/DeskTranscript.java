package org.queqiao.http.routes;

import org.queqiao.messaging.Entry;

import java.util.List;
import java.util.UUID;

/** A conversation as plain text, for the visitor's transcript download: time, who, what. */
final class DeskTranscript {
    private DeskTranscript() {}

    static String text(List<Entry> entries, UUID visitorId) {
        StringBuilder sb = new StringBuilder();
        for (Entry e : entries) {
            if (!e.kind().isMessage() || e.body() == null || e.body().text() == null) continue;
            String who = visitorId.equals(e.senderId()) ? "You" : e.senderId() != null && e.senderId().getMostSignificantBits() == 0 ? "Assistant" : "Agent";
            sb.append('[').append(e.createdAt()).append("] ").append(who).append(": ").append(e.body().text()).append('\n');
        }
        return sb.toString();
    }
}
