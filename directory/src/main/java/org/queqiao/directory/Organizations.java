package org.queqiao.directory;

import org.queqiao.directory.store.MemberStore;
import org.queqiao.directory.store.OrganizationStore;
import org.queqiao.platform.audit.AuditLog;
import org.queqiao.platform.auth.Access;
import org.queqiao.platform.auth.Principal;
import org.queqiao.platform.problem.ProblemException;
import org.queqiao.platform.problem.Validate;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An organisation's own settings and its plan. */
public final class Organizations {
    private final OrganizationStore orgs;
    private final MemberStore members;
    private final AuditLog audit;

    public Organizations(OrganizationStore orgs, MemberStore members, AuditLog audit) {
        this.orgs = orgs;
        this.members = members;
        this.audit = audit;
    }

    public Organization get(Principal actor) {
        return orgs.find(actor.orgId()).orElseThrow(() -> ProblemException.notFound("Organisation"));
    }

    /** For system paths without a signed-in member (invitation look-ups, sign-in responses). */
    public Organization byId(UUID orgId) {
        return orgs.find(orgId).orElseThrow(() -> ProblemException.notFound("Organisation"));
    }

    public Plan planOf(UUID orgId) {
        Organization org = orgs.find(orgId).orElseThrow(() -> ProblemException.notFound("Organisation"));
        return orgs.plan(org.planId()).orElseThrow(() -> new IllegalStateException("plan " + org.planId() + " missing"));
    }

    public Map<String, Long> usage(UUID orgId) {
        return Map.of(Quotas.MEMBERS, members.countActive(orgId));
    }

    public Organization rename(Principal actor, String name) {
        Access.requireAdmin(actor);
        String n = Validate.text("name", name, 1, 100);
        orgs.rename(actor.orgId(), n);
        audit.record(actor.orgId(), actor.memberId(), "org.renamed", "organization", actor.orgId().toString(), Map.of("name", n));
        return get(actor);
    }

    public List<Plan> plans() {
        return orgs.plans();
    }

    /** Operator view: organisations in creation order, one page after the cursor. */
    public org.queqiao.platform.page.Page<Organization> listForOperator(org.queqiao.platform.page.PageRequest page) {
        UUID after = page.isFirst() ? null : org.queqiao.platform.id.Ids.parseOrNull(page.afterId());
        if (!page.isFirst() && after == null) throw ProblemException.invalid("cursor", "invalid_cursor", "cursor is not one this server issued");
        return org.queqiao.platform.page.Page.of(orgs.list(after, page.limit() + 1), page.limit(),
                o -> org.queqiao.platform.page.PageRequest.cursor("", o.id().toString()));
    }

    /**
     * Operator action: defines a plan or changes one (every organisation on it gets the new quotas at
     * once). Quotas are non-negative whole numbers; a quota a plan leaves out is unlimited.
     */
    public Plan savePlan(String id, String name, Map<String, Object> quotas) {
        org.queqiao.platform.problem.Validate.check(id != null && id.matches("[a-z0-9][a-z0-9-]{0,31}"), "id", "invalid_plan_id",
                "A plan id is 1 to 32 lowercase letters, digits and dashes");
        String n = org.queqiao.platform.problem.Validate.text("name", name, 1, 64);
        if (quotas == null) throw ProblemException.invalid("quotas", "required", "quotas is required, e.g. {\"agentSeats\": 1000}");
        Map<String, Long> q = new java.util.LinkedHashMap<>();
        quotas.forEach((k, v) -> {
            if (!(v instanceof Number num) || num.doubleValue() < 0 || num.doubleValue() != Math.floor(num.doubleValue())) {
                throw ProblemException.invalid("quotas." + k, "invalid_quota", "Quota " + k + " must be a whole number of at least 0");
            }
            q.put(k, num.longValue());
        });
        Plan plan = new Plan(id, n, q);
        orgs.savePlan(plan);
        return plan;
    }

    /** Operator action (not reachable by tenants): move an organisation to another plan. */
    public void changePlan(UUID orgId, String planId) {
        orgs.plan(planId).orElseThrow(() -> ProblemException.invalid("planId", "unknown_plan", "No plan named " + planId));
        orgs.find(orgId).orElseThrow(() -> ProblemException.notFound("Organisation"));
        orgs.changePlan(orgId, planId);
        audit.record(orgId, null, "org.plan_changed", "organization", orgId.toString(), Map.of("planId", planId));
    }
}
