package org.queqiao.identity;

import org.queqiao.directory.Member;
import org.queqiao.directory.MemberDirectory;
import org.queqiao.directory.store.MemberStore;
import org.queqiao.directory.store.OrganizationStore;
import org.queqiao.platform.audit.AuditLog;
import org.queqiao.platform.auth.Access;
import org.queqiao.platform.auth.Principal;
import org.queqiao.platform.auth.Role;
import org.queqiao.platform.bus.EventBus;
import org.queqiao.platform.bus.Topics;
import org.queqiao.platform.json.Json;
import org.queqiao.platform.problem.ProblemException;
import org.queqiao.platform.tx.Transactor;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Deactivating a member: in one transaction the account is disabled, every session revoked, their
 * belongings handed over and an audit record written; after commit every node is told to close
 * their sockets. Their token fails from the commit on, because every request checks the database.
 */
public final class Offboarding {
    private final MemberDirectory directory;
    private final MemberStore members;
    private final OrganizationStore orgs;
    private final Sessions sessions;
    private final List<HandoverParticipant> participants;
    private final AuditLog audit;
    private final Transactor tx;
    private final EventBus bus;

    public Offboarding(MemberDirectory directory, MemberStore members, OrganizationStore orgs, Sessions sessions,
                       List<HandoverParticipant> participants, AuditLog audit, Transactor tx, EventBus bus) {
        this.directory = directory;
        this.members = members;
        this.orgs = orgs;
        this.sessions = sessions;
        this.participants = List.copyOf(participants);
        this.audit = audit;
        this.tx = tx;
        this.bus = bus;
    }

    public Member deactivate(Principal actor, UUID memberId, UUID handoverTo) {
        Access.requireAdmin(actor);
        if (handoverTo == null) throw ProblemException.invalid("handoverTo", "required", "Name the member who takes over their belongings");
        Member result = tx.inTransaction(() -> {
            orgs.lock(actor.orgId());
            Member m = directory.find(actor.orgId(), memberId);
            if (!m.isActive()) throw ProblemException.conflict("already_deactivated", m.name() + " is already deactivated", null);
            if (m.id().equals(actor.memberId())) throw ProblemException.forbidden("self_deactivation", "You cannot deactivate yourself");
            if (m.role() == Role.OWNER) throw ProblemException.forbidden("owner_deactivation", "Transfer ownership before deactivating the owner");
            if (m.role() == Role.ADMIN && actor.role() != Role.OWNER) throw ProblemException.forbidden("owner_required", "Only the owner may deactivate an admin");
            Member heir = members.find(actor.orgId(), handoverTo).filter(Member::isActive)
                    .orElseThrow(() -> ProblemException.invalid("handoverTo", "unknown_member", "The hand-over member must be an active member of this organisation"));
            if (heir.id().equals(m.id())) throw ProblemException.invalid("handoverTo", "same_member", "Hand over to someone else");
            Instant now = Instant.now();
            members.deactivate(actor.orgId(), m.id(), now);
            List<UUID> revoked = sessions.revokeAllQuietly(m.id(), now);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("handoverTo", heir.id().toString());
            details.put("sessionsRevoked", revoked.size());
            int moved = 0;
            for (HandoverParticipant p : participants) moved += p.handover(actor.orgId(), m.id(), heir.id());
            details.put("itemsHandedOver", moved);
            audit.record(actor.orgId(), actor.memberId(), "member.deactivated", "member", m.id().toString(), details);
            return directory.find(actor.orgId(), m.id());
        });
        bus.publish(Topics.MEMBER_DEACTIVATED, Json.write(Map.of("orgId", actor.orgId(), "memberId", memberId)));
        return result;
    }
}
