package org.queqiao.directory;

import java.util.Collection;
import java.util.UUID;

/**
 * Told, inside the transaction that changed them, that members joined the organisation or changed
 * departments (messaging keeps department and all-staff groups in step this way, atomically with
 * the directory change). Offboarding has its own hook.
 */
@FunctionalInterface
public interface MembershipListener {
    void membersChanged(UUID orgId, Collection<UUID> memberIds);
}
