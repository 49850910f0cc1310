package org.samizdat.newsletter.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.samizdat.shared.ServerKey;

/** Signed edition links: what they stand for, and every way a changed or stale one must fail. */
class LinkTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private final TokenRepository stored = mock(TokenRepository.class);
    private final SubscriptionRepository subscriptions = mock(SubscriptionRepository.class);
    private final LinkTokens links = links("one secret");

    LinkTokensTest() {
        when(stored.find(anyString(), anyString())).thenReturn(Optional.empty());
        when(subscriptions.find(anyLong())).thenReturn(Optional.empty());
        when(subscriptions.find(42L)).thenReturn(Optional.of(new Subscription(42, 7, "a@b.example", null, "ACTIVE")));
        when(subscriptions.find(43L)).thenReturn(Optional.of(new Subscription(43, 8, null, null, Subscription.ERASED)));
    }

    @Test
    void aSignedLinkStandsForItsSubscriptionAndPurpose() {
        String token = links.sign(TokenRepository.UNSUBSCRIBE, 42, NOW);
        assertThat(Tokens.wellFormed(token)).as("looks like any other link token").isTrue();
        assertThat(links.find(token, TokenRepository.UNSUBSCRIBE)).get()
                .satisfies(t -> assertThat(t.subscriptionId()).isEqualTo(42))
                .satisfies(t -> assertThat(t.usable(NOW.plus(Duration.ofDays(3650)))).as("unsubscribe never expires").isTrue());
        assertThat(links.find(token, TokenRepository.PREFERENCES)).as("one purpose only").isEmpty();
    }

    @Test
    void everyChangedCharacterAndAnotherKeyAreRefused() {
        String token = links.sign(TokenRepository.PREFERENCES, 42, NOW);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < token.length(); i++) {
            for (char c : new char[] {alphabet.charAt((alphabet.indexOf(token.charAt(i)) + 1) % 64),
                    alphabet.charAt((alphabet.indexOf(token.charAt(i)) + 32) % 64)}) {
                String changed = token.substring(0, i) + c + token.substring(i + 1);
                assertThat(links.find(changed, TokenRepository.PREFERENCES)).as(changed).isEmpty();
            }
        }
        assertThat(links("another secret").find(token, TokenRepository.PREFERENCES)).isEmpty();
    }

    @Test
    void aPreferenceLinkExpiresAndALinkDiesWithItsSubscription() {
        String preferences = links.sign(TokenRepository.PREFERENCES, 42, NOW);
        assertThat(links.find(preferences, TokenRepository.PREFERENCES).orElseThrow().usable(NOW.plus(Duration.ofDays(89))))
                .isTrue();
        assertThat(links.find(preferences, TokenRepository.PREFERENCES).orElseThrow().usable(NOW.plus(Duration.ofDays(91))))
                .isFalse();
        assertThat(links.find(links.sign(TokenRepository.UNSUBSCRIBE, 43, NOW), TokenRepository.UNSUBSCRIBE))
                .as("erased").isEmpty();
        assertThat(links.find(links.sign(TokenRepository.UNSUBSCRIBE, 44, NOW), TokenRepository.UNSUBSCRIBE))
                .as("deleted").isEmpty();
    }

    @Test
    void storedTokensStillWork() {
        String token = Tokens.generate();
        TokenRepository.StoredToken row = new TokenRepository.StoredToken(42, 5L, null, null);
        when(stored.find(Tokens.hash(token), TokenRepository.UNSUBSCRIBE)).thenReturn(Optional.of(row));
        assertThat(links.find(token, TokenRepository.UNSUBSCRIBE)).contains(row);
        assertThat(links.find("short", TokenRepository.UNSUBSCRIBE)).isEmpty();
    }

    private LinkTokens links(String secret) {
        ServerKey key = new ServerKey(secret, fresh -> fresh);
        ServerSecret server = mock(ServerSecret.class);
        when(server.mac(anyString(), any(), anyInt())).thenAnswer(a -> key.mac(a.getArgument(0), a.getArgument(1),
                a.getArgument(2)));
        return new LinkTokens(stored, subscriptions, server,
                new NewsletterProperties(null, null, null, null, null, null, null, null, null));
    }
}
