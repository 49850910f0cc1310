package org.samizdat.newsletter.internal;

import java.util.List;
import org.samizdat.shared.web.PagesChanged;
import org.samizdat.site.PrivacyPolicyPublished;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The sign-up page names the current privacy policy version, so a new version refreshes it. */
@Component
class PolicyFollower {

    private final ApplicationEventPublisher events;

    PolicyFollower(ApplicationEventPublisher events) {
        this.events = events;
    }

    @EventListener
    void on(PrivacyPolicyPublished published) {
        events.publishEvent(new PagesChanged(List.of("/" + published.language().code() + "/newsletter")));
    }
}
