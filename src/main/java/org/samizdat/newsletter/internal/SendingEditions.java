package org.samizdat.newsletter.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The editions being sent, each rendered once for all sending threads ({@link EditionMails.Prepared}): a frozen
 * edition's content never changes, so only its status (paused, cancelled) is read again, at most every
 * {@link #STATUS_AGE}; the rendering is redone after {@link #RENDER_AGE} so a changed mirror list reaches later mails.
 */
@Component
class SendingEditions {

    static final Duration STATUS_AGE = Duration.ofMillis(250);
    static final Duration RENDER_AGE = Duration.ofMinutes(5);

    private record Entry(EditionMails.Prepared prepared, Instant renderedAt, String status, Instant checkedAt) {
    }

    private final EditionRepository editions;
    private final EditionMails mails;
    private final Clock clock;
    private final Map<Long, Entry> cache = new ConcurrentHashMap<>();

    SendingEditions(EditionRepository editions, EditionMails mails, Clock clock) {
        this.editions = editions;
        this.mails = mails;
        this.clock = clock;
    }

    /** The prepared edition while it is being sent; empty when it is paused, cancelled, finished or gone. */
    Optional<EditionMails.Prepared> sending(long editionId) {
        Instant now = clock.instant();
        Entry cached = cache.get(editionId);
        Entry entry = cached != null && cached.checkedAt().plus(STATUS_AGE).isAfter(now) ? cached
                : cache.compute(editionId, (id, old) -> refresh(id, old, now));
        if (entry == null || !Edition.SENDING.equals(entry.status()) || entry.prepared() == null) {
            if (entry != null && !Edition.SENDING.equals(entry.status()) && !Edition.PAUSED.equals(entry.status())) {
                cache.remove(editionId);
            }
            return Optional.empty();
        }
        return Optional.of(entry.prepared());
    }

    /** Within the map's lock for this edition: one thread reads the status (or renders) while the others wait. */
    private Entry refresh(long id, Entry old, Instant now) {
        if (old != null && old.checkedAt().plus(STATUS_AGE).isAfter(now)) {
            return old;
        }
        if (old != null && old.prepared() != null && old.renderedAt().plus(RENDER_AGE).isAfter(now)) {
            String status = editions.status(id).orElse(null);
            return status == null ? null : new Entry(old.prepared(), old.renderedAt(), status, now);
        }
        return editions.find(id).map(e -> new Entry(Edition.SENDING.equals(e.status()) ? mails.prepare(e) : null,
                now, e.status(), now)).orElse(null);
    }
}
