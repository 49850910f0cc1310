package org.samizdat.newsletter.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.samizdat.shared.Language;
import org.samizdat.shared.web.Pages;
import org.samizdat.shared.web.Texts;
import org.samizdat.site.PolicyVersion;
import org.samizdat.site.PrivacyPolicies;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Double opt-in: a sign-up records the consent asked for and mails a confirmation link; only a POST of that
 * link confirms. Unsubscribing ends the subscription and withdraws its consent. Addresses never leave this
 * class except towards the mailer.
 */
@Service
public class SignUps {

    static final Set<String> FORMS = Set.of("footer", "page");

    private final SubscriptionRepository subscriptions;
    private final ConsentRepository consents;
    private final TokenRepository tokens;
    private final LinkTokens links;
    private final PrivacyPolicies policies;
    private final ServerSecret secret;
    private final SignUpLimits limits;
    private final NewsletterMails mails;
    private final NewsletterProperties properties;
    private final Pages pages;
    private final Clock clock;

    SignUps(SubscriptionRepository subscriptions, ConsentRepository consents, TokenRepository tokens, LinkTokens links,
            PrivacyPolicies policies, ServerSecret secret, SignUpLimits limits, NewsletterMails mails,
            NewsletterProperties properties, Pages pages, Clock clock) {
        this.subscriptions = subscriptions;
        this.consents = consents;
        this.tokens = tokens;
        this.links = links;
        this.policies = policies;
        this.secret = secret;
        this.limits = limits;
        this.mails = mails;
        this.properties = properties;
        this.pages = pages;
        this.clock = clock;
    }

    public List<Newsletter> newsletters() {
        return subscriptions.newsletters();
    }

    /** The text of the consent notice as every sign-up form shows it. */
    public static String notice(Texts t) {
        return t.get("newsletter.notice.lead") + " " + t.get("newsletter.notice.link") + ".";
    }

    @Transactional
    public SignUpOutcome signUp(SignUpRequest request) {
        String clientHash = secret.hmac("client", String.valueOf(request.clientAddress()));
        if (!limits.clientMayTry(clientHash)) {
            return SignUpOutcome.TOO_MANY;
        }
        Optional<String> email = EmailAddresses.normalise(request.email());
        if (email.isEmpty()) {
            return SignUpOutcome.INVALID_ADDRESS;
        }
        if (request.honeypot() != null && !request.honeypot().isEmpty()) {
            return SignUpOutcome.ACCEPTED;
        }
        if (!limits.addressMayReceive(secret.hmac("address", email.get()))) {
            return SignUpOutcome.ACCEPTED;
        }
        Instant now = clock.instant();
        Newsletter newsletter = choose(request.language(), request.newsletter());
        Subscription subscription = subscriptions.findOrCreate(email.get(), newsletter, now);
        if (subscription.active()) {
            return SignUpOutcome.ACCEPTED;
        }
        subscriptions.markPending(subscription.id());
        PolicyVersion policy = policy(request.language(), request.policyVersion());
        String form = request.form() != null && FORMS.contains(request.form()) ? request.form() : "page";
        long consentId = consents.insert(subscription.id(), form, policy.language().code(), policy.version(),
                notice(pages.texts(request.language())), clientHash, now);
        String token = Tokens.generate();
        tokens.insert(Tokens.hash(token), TokenRepository.CONFIRM, subscription.id(), consentId, now,
                now.plus(properties.confirmTtl()));
        mails.confirmation(subscription, token, preferencesToken(subscription.id(), now));
        return SignUpOutcome.ACCEPTED;
    }

    /** The subscription a confirmation link would confirm, if it still can; changes nothing. */
    @Transactional(readOnly = true)
    public Optional<Subscription> pendingConfirmation(String token) {
        return usable(token, TokenRepository.CONFIRM).flatMap(t -> subscriptions.find(t.subscriptionId()));
    }

    @Transactional
    public Optional<Subscription> confirm(String token) {
        Optional<TokenRepository.StoredToken> stored = usable(token, TokenRepository.CONFIRM);
        if (stored.isEmpty() || !tokens.use(Tokens.hash(token), clock.instant())) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        long subscriptionId = stored.get().subscriptionId();
        consents.confirm(stored.get().consentId(), now);
        subscriptions.activate(subscriptionId, now);
        tokens.retireConfirmations(subscriptionId, now);
        Subscription subscription = subscriptions.find(subscriptionId).orElseThrow();
        String unsubscribe = unsubscribeToken(subscriptionId, now);
        mails.welcome(subscription, unsubscribe, preferencesToken(subscriptionId, now));
        return Optional.of(subscription);
    }

    /** The subscription an unsubscribe link belongs to; changes nothing. */
    @Transactional(readOnly = true)
    public Optional<Subscription> unsubscribeTarget(String token) {
        return stored(token, TokenRepository.UNSUBSCRIBE).flatMap(t -> subscriptions.find(t.subscriptionId()));
    }

    /** Ends the subscription; repeating it is harmless and answers the same. */
    @Transactional
    public Optional<Subscription> unsubscribe(String token, String via) {
        Optional<TokenRepository.StoredToken> stored = stored(token, TokenRepository.UNSUBSCRIBE);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        long subscriptionId = stored.get().subscriptionId();
        if (subscriptions.unsubscribe(subscriptionId, now)) {
            consents.withdraw(subscriptionId, via, now);
            tokens.retireConfirmations(subscriptionId, now);
        }
        return subscriptions.find(subscriptionId);
    }

    /** A fresh one-click unsubscribe link; it never expires. */
    String unsubscribeToken(long subscriptionId, Instant now) {
        String token = Tokens.generate();
        tokens.insert(Tokens.hash(token), TokenRepository.UNSUBSCRIBE, subscriptionId, null, now, null);
        return token;
    }

    /** A fresh link to the reader's preference page; it expires after {@code preferences-ttl}. */
    String preferencesToken(long subscriptionId, Instant now) {
        String token = Tokens.generate();
        tokens.insert(Tokens.hash(token), TokenRepository.PREFERENCES, subscriptionId, null, now,
                now.plus(properties.preferencesTtl()));
        return token;
    }

    /** The two links of one edition mail: one-click unsubscribe and preference page tokens. */
    record Links(String unsubscribe, String preferences) {
    }

    /** Signed unsubscribe and preference links for many subscriptions at once (an edition's batch): no rows. */
    Map<Long, Links> links(Collection<Long> subscriptionIds, Instant now) {
        Map<Long, Links> signed = new HashMap<>();
        for (long id : subscriptionIds) {
            signed.put(id, new Links(links.sign(TokenRepository.UNSUBSCRIBE, id, now),
                    links.sign(TokenRepository.PREFERENCES, id, now)));
        }
        return signed;
    }

    private Optional<TokenRepository.StoredToken> usable(String token, String purpose) {
        return stored(token, purpose).filter(t -> t.usable(clock.instant()));
    }

    private Optional<TokenRepository.StoredToken> stored(String token, String purpose) {
        return links.find(token, purpose);
    }

    private Newsletter choose(Language language, String code) {
        List<Newsletter> all = subscriptions.newsletters();
        return all.stream().filter(n -> n.code().equals(code)).findFirst()
                .or(() -> all.stream().filter(n -> n.language() == language).findFirst())
                .orElseThrow(() -> new IllegalStateException("No newsletter for " + language));
    }

    private PolicyVersion policy(Language language, Integer shown) {
        Optional<PolicyVersion> version = shown == null ? Optional.empty() : policies.version(language, shown);
        return version.or(() -> policies.current(language))
                .orElseThrow(() -> new IllegalStateException("No privacy policy published"));
    }
}
