package org.samizdat.newsletter.internal;

import java.time.Instant;

/** A newsletter's weekly schedule and the next occurrence it will draft an edition for. */
public record WeeklySchedule(long newsletterId, WeeklyRule rule, Instant nextRunAt) {
}
