package org.samizdat.site.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.samizdat.shared.Language;
import org.samizdat.site.PrivacyPolicies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Publishes a starting privacy policy in each language the first time the site runs, so there is always
 * a version for consent records to point at; the newsroom edits it from there. Nodes starting together on one
 * database race for it: the unique version keeps one, and the others go on.
 */
@Component
class DefaultPrivacyPolicy {

    private static final Logger log = LoggerFactory.getLogger(DefaultPrivacyPolicy.class);

    private final PrivacyPolicies policies;

    DefaultPrivacyPolicy(PrivacyPolicies policies) {
        this.policies = policies;
    }

    @EventListener(ApplicationReadyEvent.class)
    void publishIfMissing() throws IOException {
        for (Language language : Language.values()) {
            if (policies.current(language).isEmpty()) {
                String text = read("policy/privacy-" + language.code() + ".md");
                int firstBreak = text.indexOf('\n');
                String title = text.substring(0, firstBreak).replaceFirst("^#\\s*", "").strip();
                try {
                    policies.publish(language, title, text.substring(firstBreak + 1).strip(), null);
                } catch (DuplicateKeyException e) {
                    log.info("The starting {} privacy policy was published by another node", language.code());
                }
            }
        }
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
