package org.queqiao.directory;

import org.queqiao.directory.store.InvitationStore;
import org.queqiao.directory.store.OrganizationStore;
import org.queqiao.platform.audit.AuditLog;
import org.queqiao.platform.auth.Access;
import org.queqiao.platform.auth.Principal;
import org.queqiao.platform.auth.Role;
import org.queqiao.platform.id.Ids;
import org.queqiao.platform.problem.ProblemException;
import org.queqiao.platform.problem.Validate;
import org.queqiao.platform.tx.Transactor;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Invitation links and codes: created by admins, used by people joining (see identity's JoinByInvitation). */
public final class Invitations {
    /** Crockford-style alphabet: no 0/O, 1/I/L confusion when a code is read aloud or typed. */
    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    public static final Duration MAX_TTL = Duration.ofDays(90);

    private final InvitationStore invitations;
    private final OrganizationStore orgs;
    private final AuditLog audit;
    private final Transactor tx;

    public Invitations(InvitationStore invitations, OrganizationStore orgs, AuditLog audit, Transactor tx) {
        this.invitations = invitations;
        this.orgs = orgs;
        this.audit = audit;
        this.tx = tx;
    }

    public Invitation create(Principal actor, Role role, Duration ttl, Integer maxUses) {
        Access.requireAdmin(actor);
        Validate.check(role != null, "role", "required", "role is required");
        MemberValidation.assignableRole("role", role);
        Validate.check(ttl != null && !ttl.isNegative() && !ttl.isZero() && ttl.compareTo(MAX_TTL) <= 0,
                "expiresInHours", "out_of_range", "An invitation lasts from 1 hour to " + MAX_TTL.toDays() + " days");
        Validate.check(maxUses == null || (maxUses >= 1 && maxUses <= 100_000), "maxUses", "out_of_range", "maxUses must be between 1 and 100000");
        return tx.inTransaction(() -> {
            Organization org = orgs.lock(actor.orgId());
            Instant now = Instant.now();
            Quotas.require(orgs.plan(org.planId()).orElseThrow(), Quotas.INVITATIONS, invitations.countUsable(org.id(), now) + 1);
            Invitation inv = new Invitation(Ids.newId(), org.id(), newCode(), role, actor.memberId(), now, now.plus(ttl), maxUses, 0, null);
            invitations.insert(inv);
            audit.record(org.id(), actor.memberId(), "invitation.created", "invitation", inv.id().toString(),
                    Map.of("role", role.wire(), "expiresAt", inv.expiresAt().toString()));
            return inv;
        });
    }

    public List<Invitation> list(Principal actor) {
        Access.requireAdmin(actor);
        return invitations.list(actor.orgId());
    }

    public void revoke(Principal actor, UUID id) {
        Access.requireAdmin(actor);
        if (!invitations.revoke(actor.orgId(), id, Instant.now())) throw ProblemException.notFound("Invitation");
        audit.record(actor.orgId(), actor.memberId(), "invitation.revoked", "invitation", id.toString(), Map.of());
    }

    /** The usable invitation with this code; an unknown, expired, used-up or revoked code is "not found". */
    public Invitation usable(String code) {
        String c = normalise(code);
        return invitations.findByCode(c).filter(i -> i.usableAt(Instant.now()))
                .orElseThrow(() -> ProblemException.notFound("Invitation (it may have expired or been revoked)"));
    }

    /** Counts one use, atomically; fails when the last use was just taken by someone else. */
    public void consume(Invitation inv) {
        if (!invitations.consumeUse(inv.id(), Instant.now())) {
            throw ProblemException.conflict("invitation_used_up", "This invitation can no longer be used", null);
        }
    }

    public static String normalise(String code) {
        return code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT).replace("-", "");
    }

    private static String newCode() {
        char[] c = new char[10];
        for (int i = 0; i < c.length; i++) c[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        return new String(c);
    }
}
