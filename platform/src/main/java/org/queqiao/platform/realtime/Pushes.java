package org.queqiao.platform.realtime;

import java.util.Collection;
import java.util.UUID;

/**
 * What the rest of the server may do with realtime connections (the gateway implements it). Every
 * method is fire-and-forget: it never waits for a client and never blocks on a slow one. Pushes and
 * disconnects travel over the event bus, so they reach the member's connections on every node of a
 * cluster.
 *
 * <p>Pushes are notifications, not the record: the data is already in the database, and a client
 * that missed pushes (its resume was refused) re-syncs over HTTP.
 */
public interface Pushes {

    /** Sends {@code data} (serialised as JSON) under {@code topic} to every connection of the member. */
    void pushToMember(UUID orgId, UUID memberId, String topic, Object data);

    /**
     * Sends the same {@code data} to every connection of each of these members, serialising it once
     * (a message to a 10,000-member group is one call, not 10,000). Members of one call receive it in
     * the order of calls made by one thread.
     */
    void pushToMembers(UUID orgId, Collection<UUID> memberIds, String topic, Object data);

    /** Sends to the connections authenticated with one login session (one device, usually one socket). */
    void pushToSession(UUID sessionId, String topic, Object data);

    /**
     * Sends the same {@code data} to the connections of each of these login sessions (e.g. the devices
     * in one meeting), serialising it once where the implementation can.
     */
    default void pushToSessions(Collection<UUID> sessionIds, String topic, Object data) {
        for (UUID id : sessionIds) pushToSession(id, topic, data);
    }

    /**
     * Closes every connection of the member with the given realtime error code (e.g.
     * {@code disconnected}); their resume state is dropped, so the clients must authenticate again.
     *
     * @throws IllegalArgumentException if {@code code} is not a documented error code
     */
    void disconnectMember(UUID memberId, String code);

    /** Like {@link #disconnectMember}, for the connections of the given login sessions. */
    void disconnectSessions(Collection<UUID> sessionIds, String code);

    /** Authenticated connections open on this node. */
    int connectionCount();
}
