package org.samizdat.newsletter.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Rate limits against bots, held in memory under keyed hashes: sign-ups per client address in a short window,
 * and confirmation mails per reader address in a long one (so nobody can flood an inbox).
 */
@Component
class SignUpLimits {

    private final Cache<String, AtomicInteger> clients;
    private final Cache<String, AtomicInteger> addresses;
    private final int perClient;
    private final int perAddress;

    SignUpLimits(NewsletterProperties properties) {
        this.clients = Caffeine.newBuilder().expireAfterWrite(properties.clientWindow()).maximumSize(100_000).build();
        this.addresses = Caffeine.newBuilder().expireAfterWrite(properties.addressWindow()).maximumSize(100_000).build();
        this.perClient = properties.signupsPerClient();
        this.perAddress = properties.signupsPerAddress();
    }

    /** Counts an attempt from this client; false once the client is over its limit. */
    boolean clientMayTry(String clientHash) {
        return count(clients, clientHash) <= perClient;
    }

    /** Counts a confirmation mail to this address; false once the address is over its limit. */
    boolean addressMayReceive(String addressHash) {
        return count(addresses, addressHash) <= perAddress;
    }

    private static int count(Cache<String, AtomicInteger> cache, String key) {
        return cache.get(key, k -> new AtomicInteger()).incrementAndGet();
    }
}
