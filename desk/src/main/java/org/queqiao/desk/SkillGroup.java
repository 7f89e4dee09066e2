package org.queqiao.desk;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A skill group: the agents who answer one kind of question, how they are chosen, when the group is
 * open ({@code businessHours} in the wire form of {@code hours.WeeklySchedule}; null = always) and its
 * SLA thresholds in business time (null = none).
 */
public record SkillGroup(UUID id, UUID orgId, String name, RoutingMode routing, Map<String, Object> businessHours,
                         Duration slaFirstResponse, Duration slaResolution, Duration maxWait, Instant createdAt) {}
