package org.samizdat.site.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.samizdat.shared.Language;
import org.samizdat.site.PrivacyPolicies;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Publishes a starting privacy policy in each language the first time the site runs, so there is always
 * a version for consent records to point at; the newsroom edits it from there.
 */
@Component
class DefaultPrivacyPolicy {

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
                policies.publish(language, title, text.substring(firstBreak + 1).strip(), null);
            }
        }
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
