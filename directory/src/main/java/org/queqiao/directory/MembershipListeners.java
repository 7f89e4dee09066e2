package org.queqiao.directory;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** The listeners the directory tells about membership changes; capabilities built later register themselves. */
public final class MembershipListeners {
    private final List<MembershipListener> listeners = new CopyOnWriteArrayList<>();

    public void register(MembershipListener l) {
        listeners.add(l);
    }

    /** Called by the directory inside its transaction. */
    public void changed(UUID orgId, Collection<UUID> memberIds) {
        if (memberIds.isEmpty()) return;
        for (MembershipListener l : listeners) l.membersChanged(orgId, memberIds);
    }
}
