package org.samizdat.content.internal;

import java.time.Instant;

/** A saved version of a story's text, kept every time it is saved so any can be restored. */
public record Revision(long id, long storyId, Instant createdAt, Long createdBy, String note, String headline,
        String standfirst, String bodyMarkdown, String leadCaption, String leadCredit) {
}
