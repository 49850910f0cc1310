package org.samizdat.site;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.samizdat.content.SafeMarkdown;
import org.samizdat.shared.Language;
import org.samizdat.site.internal.PolicyRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The versioned privacy policy. Publishing never overwrites: each edit is a new version, so a consent
 * given under version 3 can always show exactly what the reader agreed to.
 */
@Service
public class PrivacyPolicies {

    static final String KIND = "privacy";

    private final PolicyRepository policies;
    private final SafeMarkdown markdown;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    PrivacyPolicies(PolicyRepository policies, SafeMarkdown markdown, Clock clock, ApplicationEventPublisher events) {
        this.policies = policies;
        this.markdown = markdown;
        this.clock = clock;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public Optional<PolicyVersion> current(Language language) {
        return policies.latest(KIND, language);
    }

    @Transactional(readOnly = true)
    public Optional<PolicyVersion> version(Language language, int version) {
        return policies.version(KIND, language, version);
    }

    @Transactional(readOnly = true)
    public List<PolicyVersion> history(Language language) {
        return policies.history(KIND, language);
    }

    /** Publishes a new version and returns it. */
    @Transactional
    public PolicyVersion publish(Language language, String title, String bodyMarkdown, Long staffId) {
        int next = policies.latest(KIND, language).map(p -> p.version() + 1).orElse(1);
        policies.insert(KIND, language, next, title, bodyMarkdown, markdown.toHtml(bodyMarkdown), clock.instant(), staffId);
        events.publishEvent(new PrivacyPolicyPublished(language, next));
        return policies.version(KIND, language, next).orElseThrow();
    }
}
