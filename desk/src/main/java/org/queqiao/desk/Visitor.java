package org.queqiao.desk;

import java.time.Instant;
import java.util.UUID;

/**
 * Someone on a customer's website or app: anonymous (a persistent id the widget keeps) or identified
 * by the site ({@code externalId}, signed). {@code lastAgentId} makes routing sticky for returning visitors.
 */
public record Visitor(UUID id, UUID orgId, UUID channelId, String externalId, String name, String email, String phone, boolean vip,
                      UUID lastAgentId, Instant createdAt) {}
