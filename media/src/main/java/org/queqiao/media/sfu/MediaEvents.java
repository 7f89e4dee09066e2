package org.queqiao.media.sfu;

/**
 * What the media plane tells the meeting layer. Called off the packet path (on a virtual thread), so
 * implementations may block, push or write to the database.
 */
public interface MediaEvents {
    void activeSpeaker(String roomId, String participantId);

    /** A participant's connection stopped answering connectivity checks; it may come back. */
    void connectionLost(String roomId, String participantId);

    void connectionRestored(String roomId, String participantId);

    /** The set of tracks a subscriber should receive changed: send it this new offer ({@code media.offer}). */
    void subscriberOffer(String roomId, String participantId, SubscribeOffer offer);
}
