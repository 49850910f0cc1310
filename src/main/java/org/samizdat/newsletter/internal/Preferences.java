package org.samizdat.newsletter.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.samizdat.shared.Language;
import org.samizdat.shared.web.Json;
import org.samizdat.shared.web.Pages;
import org.samizdat.site.PolicyVersion;
import org.samizdat.site.PrivacyPolicies;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reader's preference page behind a mailed link: which newsletters to receive, unsubscribe from all, a copy
 * of everything kept about them, and erasure. The token names one subscriber and every action is confined to
 * that subscriber; nothing a form sends can point at another one.
 */
@Service
public class Preferences {

    /** What the preference page shows: the address, and each newsletter with whether it is received. */
    public record View(String email, Language language, List<Choice> choices) {
    }

    /** One newsletter on the preference page. */
    public record Choice(String code, String name, boolean subscribed) {
    }

    private final LinkTokens links;
    private final SubscriptionRepository subscriptions;
    private final ConsentRepository consents;
    private final DeliveryRepository deliveries;
    private final Erasure erasure;
    private final PrivacyPolicies policies;
    private final Pages pages;
    private final Clock clock;

    Preferences(LinkTokens links, SubscriptionRepository subscriptions, ConsentRepository consents,
            DeliveryRepository deliveries, Erasure erasure, PrivacyPolicies policies, Pages pages, Clock clock) {
        this.links = links;
        this.subscriptions = subscriptions;
        this.consents = consents;
        this.deliveries = deliveries;
        this.erasure = erasure;
        this.policies = policies;
        this.pages = pages;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<View> view(String token) {
        return owner(token).map(this::view);
    }

    /** Receives exactly the named newsletters (unknown codes are ignored); new ones start at once, consent recorded. */
    @Transactional
    public Optional<View> choose(String token, Set<String> codes) {
        Optional<Subscription> owner = owner(token);
        owner.ifPresent(o -> {
            Instant now = clock.instant();
            for (Newsletter newsletter : subscriptions.newsletters()) {
                Optional<Subscription> current = subscriptions.forSubscriber(o.subscriberId()).stream()
                        .filter(s -> s.newsletter().id() == newsletter.id()).findFirst();
                boolean wanted = codes.contains(newsletter.code());
                if (wanted && current.map(s -> !s.active()).orElse(true)) {
                    start(o, newsletter, now);
                } else if (!wanted && current.isPresent()) {
                    end(current.get().id(), now);
                }
            }
        });
        return owner.map(this::view);
    }

    @Transactional
    public Optional<View> unsubscribeAll(String token) {
        return choose(token, Set.of());
    }

    /** Everything kept about the subscriber, as JSON: address, subscriptions, consent records, deliveries. */
    @Transactional(readOnly = true)
    public Optional<String> export(String token) {
        return owner(token).map(o -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("email", o.email());
            data.put("subscriptions", subscriptions.forSubscriber(o.subscriberId()).stream().map(s -> Map.of(
                    "newsletter", s.newsletter().code(), "status", s.status())).toList());
            data.put("consents", consents.forSubscriber(o.subscriberId()).stream().map(Preferences::consent).toList());
            data.put("deliveries", deliveries.forSubscriber(o.subscriberId()));
            return Json.write(data);
        });
    }

    /** Deletes the subscriber's personal data; the link stops working. */
    @Transactional
    public boolean erase(String token) {
        Optional<Subscription> owner = owner(token);
        owner.ifPresent(o -> erasure.erase(o.subscriberId(), "erased", clock.instant()));
        return owner.isPresent();
    }

    private void start(Subscription owner, Newsletter newsletter, Instant now) {
        Subscription subscription = subscriptions.findOrCreate(owner.email(), newsletter, now);
        PolicyVersion policy = policies.current(newsletter.language())
                .orElseThrow(() -> new IllegalStateException("No privacy policy published"));
        long consent = consents.insert(subscription.id(), "preferences", policy.language().code(), policy.version(),
                SignUps.notice(pages.texts(newsletter.language())), null, now);
        consents.confirm(consent, now);
        subscriptions.activate(subscription.id(), now);
    }

    private void end(long subscriptionId, Instant now) {
        if (subscriptions.unsubscribe(subscriptionId, now)) {
            consents.withdraw(subscriptionId, "preferences", now);
        }
    }

    private View view(Subscription owner) {
        List<Subscription> mine = subscriptions.forSubscriber(owner.subscriberId());
        List<Choice> choices = subscriptions.newsletters().stream().map(n -> new Choice(n.code(), n.name(),
                mine.stream().anyMatch(s -> s.newsletter().id() == n.id() && s.active()))).toList();
        return new View(owner.email(), owner.newsletter().language(), choices);
    }

    private static Map<String, Object> consent(ConsentRecord c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("form", c.form());
        out.put("policy", c.policyLanguage() + " v" + c.policyVersion());
        out.put("notice", c.notice());
        out.put("requested_at", String.valueOf(c.requestedAt()));
        out.put("confirmed_at", c.confirmedAt() == null ? null : c.confirmedAt().toString());
        out.put("withdrawn_at", c.withdrawnAt() == null ? null : c.withdrawnAt().toString());
        out.put("withdrawn_via", c.withdrawnVia());
        out.put("client_address_hash", c.clientHmac());
        return out;
    }

    /** The subscription a live preference token was issued for, if its subscriber still has an address. */
    private Optional<Subscription> owner(String token) {
        return links.find(token, TokenRepository.PREFERENCES).filter(t -> t.usable(clock.instant()))
                .flatMap(t -> subscriptions.find(t.subscriptionId())).filter(s -> s.email() != null);
    }
}
