package org.queqiao.identity;

import java.util.UUID;

/**
 * A capability that owns things a member can leave behind (invitations now; groups, meetings and
 * desk conversations later). Offboarding calls every participant inside its transaction.
 */
@FunctionalInterface
public interface HandoverParticipant {
    /** Hands what {@code from} owns over to {@code to}; returns how many things moved (for the audit record). */
    int handover(UUID orgId, UUID from, UUID to);
}
