package org.queqiao.media.sfu;

import org.queqiao.media.transport.PeerTransport;

/**
 * The part of a session's transport callbacks both sessions share: any change in whether the path works
 * goes to the participant, which tells the meeting layer when its overall state flips.
 */
abstract class HealthReporting implements PeerTransport.Handler {
    protected final ParticipantMedia owner;

    HealthReporting(ParticipantMedia owner) { this.owner = owner; }

    @Override
    public void onDisconnected(PeerTransport t) { owner.transportHealth(); }

    @Override
    public void onReconnected(PeerTransport t) { owner.transportHealth(); }

    @Override
    public void onClosed(PeerTransport t) { owner.transportHealth(); }
}
