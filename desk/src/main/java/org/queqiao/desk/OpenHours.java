package org.queqiao.desk;

import java.time.Instant;

/** Whether a group's agents are working at an instant (its business hours; a group without hours is always open). */
@FunctionalInterface
public interface OpenHours {
    boolean isOpen(SkillGroup group, Instant at);
}
