package org.queqiao.platform.realtime;

import org.queqiao.platform.auth.Principal;

/**
 * Told by the realtime gateway when a device goes away: the last socket of one login session
 * closed on this node (a resumed session that already has a new socket does not count). Called on a
 * network thread: implementations hand the work to their own thread and return at once.
 */
@FunctionalInterface
public interface ConnectionListener {
    void deviceDisconnected(Principal principal);
}
