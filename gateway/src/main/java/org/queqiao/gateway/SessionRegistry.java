package org.queqiao.gateway;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The sessions on this node, by resume key, by member and by login session. A session stays here
 * while a socket is attached and for the resume window after the last one went away. Members and
 * login sessions usually have one or two sockets, so they map to small copy-on-write arrays rather
 * than a set each.
 */
final class SessionRegistry {
    private static final ClientSession[] NONE = new ClientSession[0];

    private final long resumeWindowNanos;
    final RecentEndings recentEndings;
    private final Map<String, ClientSession> byResumeKey = new ConcurrentHashMap<>();
    private final Map<UUID, ClientSession[]> byMember = new ConcurrentHashMap<>();
    private final Map<UUID, ClientSession[]> byLoginSession = new ConcurrentHashMap<>();

    SessionRegistry(Duration resumeWindow, Duration authTimeout) {
        this.resumeWindowNanos = resumeWindow.toNanos();
        this.recentEndings = new RecentEndings(authTimeout);
    }

    void add(ClientSession s) {
        byResumeKey.put(s.resumeKey, s);
        byMember.merge(s.principal.memberId(), new ClientSession[] {s}, SessionRegistry::concat);
        byLoginSession.merge(s.principal.sessionId(), new ClientSession[] {s}, SessionRegistry::concat);
    }

    void remove(ClientSession s) {
        if (!byResumeKey.remove(s.resumeKey, s)) return;
        byMember.computeIfPresent(s.principal.memberId(), (k, a) -> without(a, s));
        byLoginSession.computeIfPresent(s.principal.sessionId(), (k, a) -> without(a, s));
    }

    ClientSession byResumeKey(String key) {
        return byResumeKey.get(key);
    }

    ClientSession[] ofMember(UUID memberId) {
        return byMember.getOrDefault(memberId, NONE);
    }

    List<ClientSession> ofLoginSessions(Collection<UUID> sessionIds) {
        List<ClientSession> found = new ArrayList<>();
        for (UUID id : sessionIds) found.addAll(Arrays.asList(byLoginSession.getOrDefault(id, NONE)));
        return found;
    }

    /** True when no session of this login session has a socket attached on this node. */
    boolean noSocketLeft(UUID loginSessionId) {
        for (ClientSession s : byLoginSession.getOrDefault(loginSessionId, NONE)) if (s.hasSocket()) return false;
        return true;
    }

    /** The socket went away: keep the session for the resume window, then forget it unless resumed. */
    void detached(ClientSession s, ClientConnection c) {
        if (!s.detach(c)) return;
        try {
            c.eventLoop().schedule(() -> {
                if (s.detachedLongerThan(resumeWindowNanos)) remove(s);
            }, resumeWindowNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            remove(s);
        }
    }

    int size() {
        return byResumeKey.size();
    }

    void clear() {
        byResumeKey.clear();
        byMember.clear();
        byLoginSession.clear();
    }

    private static ClientSession[] concat(ClientSession[] a, ClientSession[] b) {
        ClientSession[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /** Returns null for an empty result, which removes the map entry. */
    private static ClientSession[] without(ClientSession[] a, ClientSession s) {
        ClientSession[] r = Arrays.stream(a).filter(x -> x != s).toArray(ClientSession[]::new);
        return r.length == 0 ? null : r;
    }
}
