package org.queqiao.directory;

import org.queqiao.directory.store.DepartmentStore;
import org.queqiao.directory.store.MemberStore;
import org.queqiao.directory.store.OrganizationStore;
import org.queqiao.platform.audit.AuditLog;
import org.queqiao.platform.auth.Access;
import org.queqiao.platform.auth.Principal;
import org.queqiao.platform.auth.Role;
import org.queqiao.platform.id.Ids;
import org.queqiao.platform.page.Page;
import org.queqiao.platform.problem.ProblemException;
import org.queqiao.platform.problem.Validate;
import org.queqiao.platform.tx.Transactor;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Members of an organisation: look up, search, add, edit. Offboarding lives in the identity module. */
public final class MemberDirectory {
    public static final int MAX_QUERY = 64;

    private final MemberStore members;
    private final DepartmentStore departments;
    private final OrganizationStore orgs;
    private final AuditLog audit;
    private final Transactor tx;
    private final MembershipListeners listeners;

    public MemberDirectory(MemberStore members, DepartmentStore departments, OrganizationStore orgs, AuditLog audit, Transactor tx,
                           MembershipListeners listeners) {
        this.listeners = listeners;
        this.members = members;
        this.departments = departments;
        this.orgs = orgs;
        this.audit = audit;
        this.tx = tx;
    }

    public Member get(Principal actor, UUID id) {
        if (!actor.memberId().equals(id)) Access.requireInternal(actor);
        return find(actor.orgId(), id);
    }

    public Member find(UUID orgId, UUID id) {
        return members.find(orgId, id).orElseThrow(() -> ProblemException.notFound("Member"));
    }

    public Page<Member> search(Principal actor, MemberQuery query) {
        Access.requireInternal(actor);
        if (query.text() != null) Validate.check(query.text().length() <= MAX_QUERY, "q", "too_long", "q is at most " + MAX_QUERY + " characters");
        if (query.departmentId() != null && departments.find(actor.orgId(), query.departmentId()).isEmpty()) {
            throw ProblemException.invalid("departmentId", "unknown_department", "No such department in this organisation");
        }
        return members.search(new MemberQuery(actor.orgId(), blankToNull(query.text()), query.departmentId(), query.status(), query.page()));
    }

    /** Adds a member; the caller (identity) gives them credentials in the same transaction. */
    public Member create(Principal actor, MemberProfile input) {
        Access.requireAdmin(actor);
        MemberProfile p = MemberValidation.profile(input);
        return tx.inTransaction(() -> addMember(actor.orgId(), p, actor.memberId(), "member.created"));
    }

    /** Adds a member inside the caller's transaction, checking the plan's member quota. */
    public Member addMember(UUID orgId, MemberProfile p, UUID actorId, String auditAction) {
        Organization org = orgs.lock(orgId);
        Quotas.require(orgs.plan(org.planId()).orElseThrow(), Quotas.MEMBERS, members.countActive(orgId) + 1);
        requireDepartments(orgId, p.departmentIds());
        requireEmailFree(p.email(), null);
        Member m = new Member(Ids.newId(), orgId, p.name(), p.email(), p.phone(), p.title(), p.avatarUrl(), p.role(),
                MemberStatus.ACTIVE, p.departmentIds(), Instant.now());
        members.insert(m);
        listeners.changed(orgId, List.of(m.id()));
        audit.record(orgId, actorId, auditAction, "member", m.id().toString(), Map.of("email", m.email(), "role", m.role().wire()));
        return m;
    }

    public Member update(Principal actor, UUID id, MemberPatch patch) {
        boolean self = actor.memberId().equals(id);
        if (!self || patch.touchesAdminFields()) Access.requireAdmin(actor);
        return tx.inTransaction(() -> {
            Member cur = find(actor.orgId(), id);
            if (!cur.isActive()) throw ProblemException.conflict("member_deactivated", "A deactivated member cannot be edited", null);
            Role role = cur.role();
            if (patch.role() != null && patch.role() != cur.role()) {
                if (self) throw ProblemException.forbidden("own_role", "You cannot change your own role");
                if (cur.role() == Role.OWNER) throw ProblemException.forbidden("owner_role", "The owner's role changes only by transferring ownership");
                role = MemberValidation.assignableRole("role", patch.role());
            }
            String email = patch.email() == null ? cur.email() : Validate.email("email", patch.email());
            if (!email.equals(cur.email())) requireEmailFree(email, id);
            List<UUID> depts = cur.departmentIds();
            if (patch.departmentIds() != null) {
                depts = MemberValidation.departmentIds("departmentIds", patch.departmentIds());
                requireDepartments(actor.orgId(), depts);
            }
            Member next = new Member(id, cur.orgId(),
                    patch.name() == null ? cur.name() : MemberValidation.name("name", patch.name()),
                    email,
                    patch.phone() == null ? cur.phone() : Validate.optionalPhone("phone", patch.phone()),
                    patch.title() == null ? cur.title() : MemberValidation.title("title", patch.title()),
                    patch.avatarUrl() == null ? cur.avatarUrl() : MemberValidation.avatarUrl("avatarUrl", patch.avatarUrl()),
                    role, cur.status(), depts, cur.createdAt());
            members.update(next);
            if (!cur.departmentIds().equals(next.departmentIds())) listeners.changed(actor.orgId(), List.of(id));
            audit.record(actor.orgId(), actor.memberId(), "member.updated", "member", id.toString(), changes(cur, next));
            return next;
        });
    }

    private void requireDepartments(UUID orgId, List<UUID> ids) {
        if (ids.isEmpty()) return;
        if (departments.existing(orgId, ids).size() != ids.size()) {
            throw ProblemException.invalid("departmentIds", "unknown_department", "One of the departments does not exist in this organisation");
        }
    }

    private void requireEmailFree(String email, UUID self) {
        members.findActiveByEmail(email).filter(m -> !m.id().equals(self)).ifPresent(m -> {
            throw ProblemException.conflict("email_taken", "An active account already uses " + email, "email");
        });
    }

    private static Map<String, Object> changes(Member a, Member b) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (!a.name().equals(b.name())) m.put("name", b.name());
        if (!a.email().equals(b.email())) m.put("email", b.email());
        if (a.role() != b.role()) m.put("role", b.role().wire());
        if (!a.departmentIds().equals(b.departmentIds())) m.put("departmentIds", b.departmentIds().stream().map(UUID::toString).toList());
        return m;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
