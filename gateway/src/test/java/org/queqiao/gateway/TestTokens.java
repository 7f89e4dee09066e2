package org.queqiao.gateway;

import org.queqiao.platform.auth.Principal;
import org.queqiao.platform.auth.Role;
import org.queqiao.platform.auth.TokenAuthenticator;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** An in-memory token table standing in for the identity module. Records whether it ran on a virtual thread. */
final class TestTokens implements TokenAuthenticator {
    private final Map<String, Principal> byToken = new ConcurrentHashMap<>();
    final AtomicBoolean calledOffVirtualThread = new AtomicBoolean();
    private volatile CountDownLatch gate;
    private final CountDownLatch entered = new CountDownLatch(1);

    /** From now on token checks wait (as on a slow database) until {@link #releaseAuthentications()}. */
    void holdAuthentications() {
        gate = new CountDownLatch(1);
    }

    void releaseAuthentications() {
        gate.countDown();
    }

    void awaitAuthenticationStarted() throws InterruptedException {
        if (!entered.await(20, TimeUnit.SECONDS)) throw new AssertionError("no token check started");
    }

    /** One organisation member. */
    record Member(UUID orgId, UUID memberId) {
        static Member random() {
            return new Member(UUID.randomUUID(), UUID.randomUUID());
        }
    }

    /** One login session of a member, with its bearer token. */
    record Login(Member member, UUID sessionId, String token) {}

    Login login(Member m) {
        UUID sessionId = UUID.randomUUID();
        String token = "tok-" + UUID.randomUUID();
        byToken.put(token, new Principal(m.memberId(), m.orgId(), Role.MEMBER, sessionId));
        return new Login(m, sessionId, token);
    }

    @Override
    public Optional<Principal> authenticate(String token) {
        if (!Thread.currentThread().isVirtual()) calledOffVirtualThread.set(true);
        CountDownLatch g = gate;
        if (g != null) {
            entered.countDown();
            try {
                g.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return Optional.ofNullable(byToken.get(token));
    }
}
