package org.queqiao.platform.audit;

import org.queqiao.platform.page.Page;
import org.queqiao.platform.page.PageRequest;

import java.util.UUID;

/** Reads an organisation's audit trail, newest first. */
public interface AuditReader {
    Page<AuditEntry> list(UUID orgId, PageRequest page);
}
