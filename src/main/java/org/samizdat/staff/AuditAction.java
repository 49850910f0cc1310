package org.samizdat.staff;

/** The newsroom actions the audit log records: sign-ins, publishing decisions and settings changes. */
public enum AuditAction {
    SIGNED_IN, SIGN_IN_REFUSED, SIGNED_OUT,
    STORY_PUBLISHED, STORY_SCHEDULED, STORY_UNSCHEDULED, STORY_WITHDRAWN, STORY_RESTORED,
    SECTION_SAVED, TAG_RENAMED, AUTHOR_SAVED, POLICY_PUBLISHED,
    STAFF_CREATED, STAFF_ROLE_CHANGED, STAFF_DISABLED, STAFF_ENABLED, PASSWORD_CHANGED
}
