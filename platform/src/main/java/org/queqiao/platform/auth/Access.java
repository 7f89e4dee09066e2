package org.queqiao.platform.auth;

import org.queqiao.platform.problem.ProblemException;

/** Role checks shared by every module's services. */
public final class Access {
    private Access() {}

    public static void requireAdmin(Principal p) {
        if (!p.isAdmin()) throw ProblemException.forbidden("admin_required", "Only an owner or admin of the organisation may do this");
    }

    /** Guests (outside contacts) may not browse the organisation's directory. */
    public static void requireInternal(Principal p) {
        if (p.role() == Role.GUEST) throw ProblemException.forbidden("guest_not_allowed", "Guests cannot see the organisation directory");
    }
}
