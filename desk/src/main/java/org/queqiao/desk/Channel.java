package org.queqiao.desk;

import java.time.Instant;
import java.util.UUID;

/**
 * Where visitors come from: a web widget ({@code widgetKey} is public, in the script tag) or an app
 * through the server API. {@code identitySecret} signs the customer site's user ids; without one,
 * visitors are anonymous.
 */
public record Channel(UUID id, UUID orgId, String kind, String name, String widgetKey, String identitySecret, UUID groupId,
                      boolean preChatForm, Instant createdAt) {}
