package org.queqiao.directory;

import java.util.Map;

/** An operator-defined plan and the quotas it grants (see {@link Quotas} for the names). */
public record Plan(String id, String name, Map<String, Long> quotas) {
    /** The limit for a quota; a quota the plan does not name is unlimited. */
    public long limit(String quota) {
        return quotas.getOrDefault(quota, Long.MAX_VALUE);
    }
}
