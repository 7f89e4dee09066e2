package org.queqiao.directory;

import org.queqiao.directory.store.DepartmentStore;
import org.queqiao.directory.store.OrganizationStore;
import org.queqiao.platform.audit.AuditLog;
import org.queqiao.platform.auth.Access;
import org.queqiao.platform.auth.Principal;
import org.queqiao.platform.id.Ids;
import org.queqiao.platform.problem.ProblemException;
import org.queqiao.platform.problem.Validate;
import org.queqiao.platform.tx.Transactor;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The department tree: nest, rename, move (never under itself), delete only when empty. */
public final class DepartmentTree {
    public static final int MAX_NAME = 64;
    public static final int MAX_DEPTH = 15;

    private final DepartmentStore departments;
    private final OrganizationStore orgs;
    private final AuditLog audit;
    private final Transactor tx;

    public DepartmentTree(DepartmentStore departments, OrganizationStore orgs, AuditLog audit, Transactor tx) {
        this.departments = departments;
        this.orgs = orgs;
        this.audit = audit;
        this.tx = tx;
    }

    public List<Department> list(Principal actor) {
        Access.requireInternal(actor);
        return departments.list(actor.orgId());
    }

    public Department get(Principal actor, UUID id) {
        Access.requireInternal(actor);
        return find(actor.orgId(), id);
    }

    public Department create(Principal actor, String name, UUID parentId) {
        Access.requireAdmin(actor);
        String n = Validate.text("name", name, 1, MAX_NAME);
        return tx.inTransaction(() -> {
            Organization org = orgs.lock(actor.orgId());
            Quotas.require(orgs.plan(org.planId()).orElseThrow(), Quotas.DEPARTMENTS, departments.count(actor.orgId()) + 1);
            List<Department> all = departments.list(actor.orgId());
            if (parentId != null) {
                requireIn(all, parentId, "parentId");
                if (depth(all, parentId) + 1 >= MAX_DEPTH) {
                    throw ProblemException.invalid("parentId", "too_deep", "Departments nest at most " + MAX_DEPTH + " levels");
                }
            }
            requireUniqueSibling(all, parentId, n, null);
            Department d = new Department(Ids.newId(), actor.orgId(), parentId, n, 0, 0, Instant.now());
            departments.insert(d);
            audit.record(actor.orgId(), actor.memberId(), "department.created", "department", d.id().toString(),
                    parentId == null ? Map.of("name", n) : Map.of("name", n, "parentId", parentId.toString()));
            return d;
        });
    }

    public Department rename(Principal actor, UUID id, String name) {
        Access.requireAdmin(actor);
        String n = Validate.text("name", name, 1, MAX_NAME);
        return tx.inTransaction(() -> {
            orgs.lock(actor.orgId());
            List<Department> all = departments.list(actor.orgId());
            Department d = requireIn(all, id, null);
            requireUniqueSibling(all, d.parentId(), n, id);
            departments.rename(actor.orgId(), id, n);
            audit.record(actor.orgId(), actor.memberId(), "department.renamed", "department", id.toString(), Map.of("from", d.name(), "to", n));
            return find(actor.orgId(), id);
        });
    }

    /** Moves a department under another (or to the top level when {@code newParentId} is null). */
    public Department move(Principal actor, UUID id, UUID newParentId) {
        Access.requireAdmin(actor);
        return tx.inTransaction(() -> {
            orgs.lock(actor.orgId());
            List<Department> all = departments.list(actor.orgId());
            Department d = requireIn(all, id, null);
            if (newParentId != null) {
                requireIn(all, newParentId, "parentId");
                if (isSelfOrDescendant(all, newParentId, id)) {
                    throw ProblemException.invalid("parentId", "cycle", "A department cannot move under itself or one of its sub-departments");
                }
                if (depth(all, newParentId) + 1 + height(all, id) > MAX_DEPTH) {
                    throw ProblemException.invalid("parentId", "too_deep", "Departments nest at most " + MAX_DEPTH + " levels");
                }
            }
            requireUniqueSibling(all, newParentId, d.name(), id);
            departments.move(actor.orgId(), id, newParentId);
            audit.record(actor.orgId(), actor.memberId(), "department.moved", "department", id.toString(),
                    Map.of("to", newParentId == null ? "top" : newParentId.toString()));
            return find(actor.orgId(), id);
        });
    }

    public void delete(Principal actor, UUID id) {
        Access.requireAdmin(actor);
        tx.run(() -> {
            orgs.lock(actor.orgId());
            Department d = find(actor.orgId(), id);
            if (d.childCount() > 0 || d.memberCount() > 0) {
                throw ProblemException.conflict("department_not_empty",
                        "The department still has " + d.childCount() + " sub-departments and " + d.memberCount()
                                + " members; move or remove them first", null);
            }
            departments.delete(actor.orgId(), id);
            audit.record(actor.orgId(), actor.memberId(), "department.deleted", "department", id.toString(), Map.of("name", d.name()));
        });
    }

    private Department find(UUID orgId, UUID id) {
        return departments.find(orgId, id).orElseThrow(() -> ProblemException.notFound("Department"));
    }

    private static Department requireIn(List<Department> all, UUID id, String field) {
        Optional<Department> d = all.stream().filter(x -> x.id().equals(id)).findFirst();
        if (d.isPresent()) return d.get();
        if (field == null) throw ProblemException.notFound("Department");
        throw ProblemException.invalid(field, "unknown_department", "No such department in this organisation");
    }

    private static void requireUniqueSibling(List<Department> all, UUID parentId, String name, UUID self) {
        for (Department d : all) {
            if (Objects.equals(d.parentId(), parentId) && d.name().equalsIgnoreCase(name) && !d.id().equals(self)) {
                throw ProblemException.conflict("department_name_taken", "A department named '" + name + "' already exists here", "name");
            }
        }
    }

    private static boolean isSelfOrDescendant(List<Department> all, UUID candidate, UUID ancestor) {
        Map<UUID, UUID> parent = parents(all);
        for (UUID cur = candidate; cur != null; cur = parent.get(cur)) {
            if (cur.equals(ancestor)) return true;
        }
        return false;
    }

    private static int depth(List<Department> all, UUID id) {
        Map<UUID, UUID> parent = parents(all);
        int depth = 0;
        for (UUID cur = parent.get(id); cur != null; cur = parent.get(cur)) depth++;
        return depth;
    }

    /** Levels in the subtree rooted at {@code id}, counting itself (one pass over the tree: it may hold 50,000 departments). */
    private static int height(List<Department> all, UUID id) {
        Map<UUID, List<UUID>> children = new HashMap<>();
        for (Department d : all) if (d.parentId() != null) children.computeIfAbsent(d.parentId(), k -> new java.util.ArrayList<>()).add(d.id());
        int height = 0;
        List<UUID> level = List.of(id);
        while (!level.isEmpty()) {
            height++;
            List<UUID> next = new java.util.ArrayList<>();
            for (UUID u : level) next.addAll(children.getOrDefault(u, List.of()));
            level = next;
        }
        return height;
    }

    private static Map<UUID, UUID> parents(List<Department> all) {
        Map<UUID, UUID> m = new HashMap<>();
        for (Department d : all) m.put(d.id(), d.parentId());
        return m;
    }
}
