package org.samizdat.content;

/** Where a story is in the publishing workflow. */
public enum StoryStatus {
    DRAFT, SCHEDULED, PUBLISHED, WITHDRAWN
}
