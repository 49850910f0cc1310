package org.samizdat.content.internal;

import org.samizdat.content.StoryStatus;
import org.samizdat.shared.Language;

/** The newsroom story list's filters; null means "any". */
public record StoryFilter(Language language, StoryStatus status, Long sectionId, Long createdBy, String query) {

    public static StoryFilter any() {
        return new StoryFilter(null, null, null, null, null);
    }
}
