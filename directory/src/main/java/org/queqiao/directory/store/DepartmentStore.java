package org.queqiao.directory.store;

import org.queqiao.directory.Department;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface DepartmentStore {
    void insert(Department department);

    Optional<Department> find(UUID orgId, UUID id);

    /** The whole tree of one organisation, flat, with member and child counts. */
    List<Department> list(UUID orgId);

    /** Which of these ids are departments of this organisation. */
    List<UUID> existing(UUID orgId, List<UUID> ids);

    void rename(UUID orgId, UUID id, String name);

    void move(UUID orgId, UUID id, UUID newParentId);

    void delete(UUID orgId, UUID id);

    long count(UUID orgId);
}
