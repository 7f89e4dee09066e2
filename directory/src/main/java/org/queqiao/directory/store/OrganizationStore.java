package org.queqiao.directory.store;

import org.queqiao.directory.Organization;
import org.queqiao.directory.Plan;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface OrganizationStore {
    void insert(Organization org);

    Optional<Organization> find(UUID id);

    /** Finds the organisation and locks its row until the transaction ends: serialises quota checks. */
    Organization lock(UUID id);

    void rename(UUID id, String name);

    void changePlan(UUID id, String planId);

    Optional<Plan> plan(String planId);

    /** Every organisation, by creation (id order), for the operator; paged. */
    List<Organization> list(UUID after, int limit);

    List<Plan> plans();

    /** Adds the plan, or changes its name and quotas. */
    void savePlan(Plan plan);
}
