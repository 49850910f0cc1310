package org.samizdat.newsletter.internal;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The links readers act on: stored tokens (confirmations, welcome mails; only their SHA-256 is kept) and signed
 * ones, which every edition mail carries. A signed token holds its subscription and the minute it was issued,
 * with 152 bits of HMAC-SHA256 under the newsletter's server key; it looks like a stored token (43 URL-safe
 * characters) and needs no row, where an edition used to store two hashed rows per reader. It dies with its
 * subscription (erased or deleted) and, for the preference page, after {@code preferences-ttl}; a one-click
 * unsubscribe link never expires, as before.
 */
@Component
class LinkTokens {

    private static final byte SIGNED = 0x5A;
    private static final int BODY = 13;
    private static final int SIZE = 32;

    private final TokenRepository stored;
    private final SubscriptionRepository subscriptions;
    private final ServerSecret secret;
    private final Duration preferencesTtl;

    LinkTokens(TokenRepository stored, SubscriptionRepository subscriptions, ServerSecret secret,
            NewsletterProperties properties) {
        this.stored = stored;
        this.subscriptions = subscriptions;
        this.secret = secret;
        this.preferencesTtl = properties.preferencesTtl();
    }

    /** A signed token for one purpose ({@link TokenRepository#UNSUBSCRIBE} or {@code PREFERENCES}). */
    String sign(String purpose, long subscriptionId, Instant now) {
        ByteBuffer token = ByteBuffer.allocate(SIZE).put(SIGNED).putLong(subscriptionId)
                .putInt((int) (now.getEpochSecond() / 60));
        token.put(secret.mac(purpose, token.array(), BODY), 0, SIZE - BODY);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token.array());
    }

    /** What a token found in a link stands for: a valid signed token, else a stored one. */
    Optional<TokenRepository.StoredToken> find(String token, String purpose) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        return signed(token, purpose).or(() -> stored.find(Tokens.hash(token), purpose));
    }

    private Optional<TokenRepository.StoredToken> signed(String token, String purpose) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (bytes.length != SIZE || bytes[0] != SIGNED
                || !Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(token)) {
            return Optional.empty();
        }
        byte[] expected = Arrays.copyOf(secret.mac(purpose, bytes, BODY), SIZE - BODY);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(bytes, BODY, SIZE))) {
            return Optional.empty();
        }
        ByteBuffer body = ByteBuffer.wrap(bytes, 1, BODY - 1);
        long subscriptionId = body.getLong();
        Instant issued = Instant.ofEpochSecond(Integer.toUnsignedLong(body.getInt()) * 60);
        Instant expires = TokenRepository.PREFERENCES.equals(purpose) ? issued.plus(preferencesTtl) : null;
        return subscriptions.find(subscriptionId).filter(s -> !Subscription.ERASED.equals(s.status()))
                .map(s -> new TokenRepository.StoredToken(s.id(), null, expires, null));
    }
}
