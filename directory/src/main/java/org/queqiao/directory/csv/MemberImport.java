package org.queqiao.directory.csv;

import org.queqiao.directory.MembershipListeners;
import org.queqiao.directory.Department;
import org.queqiao.directory.Member;
import org.queqiao.directory.MemberStatus;
import org.queqiao.directory.Organization;
import org.queqiao.directory.Plan;
import org.queqiao.directory.Quotas;
import org.queqiao.directory.store.DepartmentStore;
import org.queqiao.directory.store.MemberStore;
import org.queqiao.directory.store.OrganizationStore;
import org.queqiao.platform.audit.AuditLog;
import org.queqiao.platform.auth.Access;
import org.queqiao.platform.auth.Principal;
import org.queqiao.platform.id.Ids;
import org.queqiao.platform.tx.Transactor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Bulk onboarding from CSV: all rows or none. Missing departments named by a row's path are created.
 * Imported members have no password yet; an admin resets it or they join through an invitation.
 */
public final class MemberImport {
    private final MemberCsvParser parser;
    private final MemberStore members;
    private final DepartmentStore departments;
    private final OrganizationStore orgs;
    private final AuditLog audit;
    private final Transactor tx;

    private final MembershipListeners listeners;

    public MemberImport(MemberCsvParser parser, MemberStore members, DepartmentStore departments, OrganizationStore orgs,
                        AuditLog audit, Transactor tx, MembershipListeners listeners) {
        this.listeners = listeners;
        this.parser = parser;
        this.members = members;
        this.departments = departments;
        this.orgs = orgs;
        this.audit = audit;
        this.tx = tx;
    }

    public ImportResult importCsv(Principal actor, String csv) {
        Access.requireAdmin(actor);
        List<ImportRow> rows = parser.parse(csv);
        ImportResult result = tx.inTransaction(() -> {
            Organization org = orgs.lock(actor.orgId());
            rejectTakenEmails(rows);
            Plan plan = orgs.plan(org.planId()).orElseThrow();
            Quotas.require(plan, Quotas.MEMBERS, members.countActive(org.id()) + rows.size());
            DepartmentPaths paths = new DepartmentPaths(org.id(), departments.list(org.id()));
            List<Member> toInsert = new ArrayList<>(rows.size());
            Instant now = Instant.now();
            for (ImportRow r : rows) {
                List<UUID> depts = r.departmentPath().isEmpty() ? List.of() : List.of(paths.resolve(r.departmentPath(), now));
                toInsert.add(new Member(Ids.newId(), org.id(), r.name(), r.email(), r.phone(), r.title(), null, r.role(),
                        MemberStatus.ACTIVE, depts, now));
            }
            Quotas.require(plan, Quotas.DEPARTMENTS, departments.count(org.id()) + paths.created.size());
            paths.created.forEach(departments::insert);
            members.insertAll(toInsert);
            listeners.changed(org.id(), toInsert.stream().map(Member::id).toList());
            audit.record(org.id(), actor.memberId(), "members.imported", "organization", org.id().toString(),
                    Map.of("members", toInsert.size(), "createdDepartments", paths.created.size()));
            return new ImportResult(toInsert.size(), paths.created.size());
        });
        if (result.imported() >= BULK) members.refreshAfterBulkLoad();
        return result;
    }

    /** From this many rows on an import counts as a bulk load worth refreshing search structures for. */
    private static final int BULK = 1000;

    private void rejectTakenEmails(List<ImportRow> rows) {
        Set<String> taken = new HashSet<>(members.activeEmailsAmong(rows.stream().map(ImportRow::email).toList()));
        if (taken.isEmpty()) return;
        List<ImportRowError> errors = rows.stream().filter(r -> taken.contains(r.email()))
                .map(r -> new ImportRowError(r.row(), "email", "email_taken", "An active account already uses " + r.email()))
                .toList();
        throw MemberCsvParser.rejected(errors);
    }

    /** Resolves "A/B/C" paths against the existing tree, planning the departments that must be created. */
    private static final class DepartmentPaths {
        private final UUID orgId;
        private final Map<String, UUID> byParentAndName = new HashMap<>();
        private final List<Department> created = new ArrayList<>();

        DepartmentPaths(UUID orgId, List<Department> existing) {
            this.orgId = orgId;
            for (Department d : existing) byParentAndName.put(key(d.parentId(), d.name()), d.id());
        }

        UUID resolve(List<String> path, Instant now) {
            UUID parent = null;
            for (String name : path) {
                String k = key(parent, name);
                UUID id = byParentAndName.get(k);
                if (id == null) {
                    id = Ids.newId();
                    created.add(new Department(id, orgId, parent, name, 0, 0, now));
                    byParentAndName.put(k, id);
                }
                parent = id;
            }
            return parent;
        }

        private static String key(UUID parent, String name) {
            return parent + "/" + name.toLowerCase(Locale.ROOT);
        }
    }
}
