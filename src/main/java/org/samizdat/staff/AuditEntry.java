package org.samizdat.staff;

import java.time.Instant;

/** One line of the audit log: when, who (as named at the time; null for the system), what, and to what. */
public record AuditEntry(long id, Instant at, Long actorId, String actor, AuditAction action, String subject) {
}
