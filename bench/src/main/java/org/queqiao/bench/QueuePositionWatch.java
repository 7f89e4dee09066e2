package org.queqiao.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Waiting visitors with a socket open, and how long each waits, once someone ahead of it in its group's queue
 * is served, to hear its new place (issue 5: "position and estimated wait, updated within 1 s of a change").
 * A change is seen when an agent's socket gets an assignment of the group; the clock stops at the visitor's next
 * place in the queue or its own assignment. The agent's push and the visitor's travel apart, so a sample can err
 * either way by a push's flight: long when the visitor's push overtakes the agent's (it then counts against the next
 * round), short when a push computed just before the change lands just after the agent heard of it. Both are a few
 * milliseconds against rounds 250 ms apart.
 */
final class QueuePositionWatch {
    /** One watched visitor: its group, whether it still waits, and since when (nanoTime) it is owed a new place (0: not owed). */
    private static final class Watched {
        final String groupId;
        boolean waiting = true;
        long owedSince;

        Watched(String groupId) {
            this.groupId = groupId;
        }
    }

    private final Map<String, Watched> byConversation = new ConcurrentHashMap<>();
    private final List<Long> samples = new ArrayList<>();
    private final List<BenchChatClient> sockets = new ArrayList<>();
    private final Map<String, Integer> heard = new java.util.TreeMap<>();

    /** The visitor of {@code conversationId}, waiting in {@code groupId}, listens on {@code socket} from now. */
    synchronized void watch(String conversationId, String groupId, BenchChatClient socket) {
        byConversation.put(conversationId, new Watched(groupId));
        sockets.add(socket);
        socket.onPush = frame -> visitorHeard(frame, System.nanoTime());
    }

    /** An agent's socket got {@code conversationId} of {@code groupId}: everyone behind it in that group is owed a new place. */
    synchronized void served(String groupId, String conversationId, long at) {
        Watched self = byConversation.get(conversationId);
        if (self != null) told(self, at, true);
        for (Watched w : byConversation.values()) {
            if (w.waiting && w.owedSince == 0 && w.groupId.equals(groupId)) w.owedSince = at;
        }
    }

    private synchronized void visitorHeard(JsonNode frame, long at) {
        if (!frame.path("topic").asText().equals("visitor.state")) return;
        JsonNode d = frame.path("data");
        Watched w = byConversation.get(d.path("conversationId").asText());
        if (w == null || !w.waiting) return;
        heard.merge(d.path("state").asText() + (d.has("position") ? "+position" : ""), 1, Integer::sum);
        boolean queued = d.path("state").asText().equals("queued");
        if (!queued) {
            told(w, at, true);
        } else if (d.has("position")) {
            told(w, at, false);
        }
    }

    /** The visitor heard its place ({@code served} false) or that it is served: what it was owed is paid. */
    private void told(Watched w, long at, boolean served) {
        if (w.owedSince != 0) samples.add(at - w.owedSince);
        w.owedSince = 0;
        if (served) w.waiting = false;
    }

    synchronized String summary(long now) {
        long[] s = samples.stream().mapToLong(Long::longValue).toArray();
        long untold = byConversation.values().stream().filter(w -> w.owedSince != 0).count();
        long longestUntold = byConversation.values().stream().filter(w -> w.owedSince != 0).mapToLong(w -> now - w.owedSince).max().orElse(0);
        return String.format("%d visitors, pushes heard %s; new place after someone ahead was served: %s; owed and never told: %d (longest %.0f ms)",
                byConversation.size(), heard, new Stats(s).summary(), untold, longestUntold / 1e6);
    }

    synchronized void close() {
        sockets.forEach(BenchChatClient::close);
    }
}
