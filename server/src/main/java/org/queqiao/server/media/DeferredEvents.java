package org.queqiao.server.media;

import java.util.function.Supplier;
import org.queqiao.media.sfu.MediaEvents;
import org.queqiao.media.sfu.SubscribeOffer;

/** The router needs its event sink before the sink (which needs the router) exists. */
final class DeferredEvents implements MediaEvents {
    private final Supplier<MediaEvents> target;

    DeferredEvents(Supplier<MediaEvents> target) { this.target = target; }

    @Override
    public void activeSpeaker(String roomId, String participantId) { target.get().activeSpeaker(roomId, participantId); }

    @Override
    public void connectionLost(String roomId, String participantId) { target.get().connectionLost(roomId, participantId); }

    @Override
    public void connectionRestored(String roomId, String participantId) { target.get().connectionRestored(roomId, participantId); }

    @Override
    public void subscriberOffer(String roomId, String participantId, SubscribeOffer offer) {
        target.get().subscriberOffer(roomId, participantId, offer);
    }
}
