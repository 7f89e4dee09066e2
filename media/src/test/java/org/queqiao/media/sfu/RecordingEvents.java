package org.queqiao.media.sfu;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** Keeps what the router reported, for tests to wait on. */
final class RecordingEvents implements MediaEvents {
    final BlockingQueue<String> speakers = new LinkedBlockingQueue<>();
    final BlockingQueue<String> health = new LinkedBlockingQueue<>();
    final BlockingQueue<SubscribeOffer> offers = new LinkedBlockingQueue<>();

    @Override
    public void activeSpeaker(String roomId, String participantId) { speakers.add(participantId); }

    @Override
    public void connectionLost(String roomId, String participantId) { health.add("lost " + participantId); }

    @Override
    public void connectionRestored(String roomId, String participantId) { health.add("restored " + participantId); }

    @Override
    public void subscriberOffer(String roomId, String participantId, SubscribeOffer offer) { offers.add(offer); }
}
