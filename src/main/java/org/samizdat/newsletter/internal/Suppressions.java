package org.samizdat.newsletter.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.samizdat.shared.Sha256;
import org.samizdat.shared.privacy.PersonalData;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The suppression list: a hard bounce or a complaint suppresses an address at once, soft bounces once there are
 * {@code soft-limit} of them within {@code soft-window}. A suppressed address gets no delivery of an edition
 * frozen later, loses its queued deliveries at once, and is never added again by an import.
 */
@Service
public class Suppressions {

    /** What became of one webhook message. */
    public enum Outcome { HANDLED, DUPLICATE }

    private final SuppressionRepository repository;
    private final PersonalData personal;
    private final BounceProperties properties;
    private final SendingMetrics metrics;
    private final Clock clock;

    Suppressions(SuppressionRepository repository, PersonalData personal, BounceProperties properties,
            SendingMetrics metrics, Clock clock) {
        this.repository = repository;
        this.personal = personal;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Applies the reports of one provider message, once: a message id seen before changes nothing. Reports naming
     * an address that is not a valid address are ignored.
     */
    @Transactional
    public Outcome apply(String source, String messageId, List<BounceReport> reports) {
        Instant now = clock.instant();
        if (!repository.firstTime(Sha256.hex(source + "\n" + messageId), now)) {
            return Outcome.DUPLICATE;
        }
        for (BounceReport report : reports) {
            Optional<String> address = EmailAddresses.normalise(report.address());
            if (address.isEmpty()) {
                continue;
            }
            String lookup = personal.emailLookup(address.get());
            String detail = report.detail() == null ? null : report.detail().substring(0, Math.min(40, report.detail().length()));
            switch (report.kind()) {
                case HARD_BOUNCE, COMPLAINT -> suppress(lookup, report.kind().name(), source, detail, now);
                case SOFT_BOUNCE -> {
                    if (repository.softBounce(lookup, now, now.minus(properties.softWindow())) >= properties.softLimit()) {
                        suppress(lookup, "SOFT_BOUNCES", source, detail, now);
                    }
                }
            }
            metrics.feedback(report.kind());
        }
        return Outcome.HANDLED;
    }

    /** Whether a normalised address is suppressed. */
    public boolean suppressed(String address) {
        return repository.suppressed(personal.emailLookup(address));
    }

    /** The latest suppressions, newest first, for the subscriber desk. */
    @Transactional(readOnly = true)
    public List<Suppression> recent(int limit) {
        return repository.recent(limit);
    }

    public int count() {
        return repository.count();
    }

    private void suppress(String lookup, String reason, String source, String detail, Instant now) {
        repository.suppress(lookup, reason, source, detail, now);
        repository.skipQueued(lookup);
    }
}
