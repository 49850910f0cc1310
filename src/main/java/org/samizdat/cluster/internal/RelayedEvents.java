package org.samizdat.cluster.internal;

import java.util.Map;
import java.util.Optional;
import org.samizdat.content.CatalogueChanged;
import org.samizdat.content.StoryChanged;
import org.samizdat.content.StoryPublished;
import org.samizdat.content.StoryWithdrawn;
import org.samizdat.shared.web.PagesChanged;
import org.samizdat.site.PrivacyPolicyPublished;

/** The event types the change feed carries, under stable names so nodes of one version understand each other. */
final class RelayedEvents {

    private static final Map<String, Class<?>> TYPES = Map.of(
            "story-published", StoryPublished.class,
            "story-changed", StoryChanged.class,
            "story-withdrawn", StoryWithdrawn.class,
            "catalogue-changed", CatalogueChanged.class,
            "pages-changed", PagesChanged.class,
            "privacy-policy-published", PrivacyPolicyPublished.class);

    private RelayedEvents() {
    }

    static Optional<String> nameOf(Object event) {
        return TYPES.entrySet().stream()
                .filter(e -> e.getValue() == event.getClass())
                .map(Map.Entry::getKey)
                .findFirst();
    }

    static Optional<Class<?>> typeOf(String name) {
        return Optional.ofNullable(TYPES.get(name));
    }
}
