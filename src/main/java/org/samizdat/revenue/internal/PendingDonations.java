package org.samizdat.revenue.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.samizdat.revenue.Frequency;
import org.samizdat.revenue.checkout.PendingDonation;
import org.samizdat.revenue.checkout.PlanStatus;
import org.samizdat.shared.Language;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores a checkout as a pending donation (and, for recurring ones, a pending plan) before any provider is
 * asked, so every later webhook finds our own id. Bank transfers get a short reference code to quote.
 */
@Component
class PendingDonations {

    private static final char[] CODE = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private final LedgerRepository donations;
    private final PlanRepository plans;
    private final SupporterRepository supporters;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    PendingDonations(LedgerRepository donations, PlanRepository plans, SupporterRepository supporters, Clock clock) {
        this.donations = donations;
        this.plans = plans;
        this.supporters = supporters;
        this.clock = clock;
    }

    /** A valid checkout's donation, stored PENDING. */
    @Transactional
    Donation create(Frequency frequency, long amountMinor, String currency, String method, Language language,
            String ask, String email, String name, boolean anonymous) {
        Instant now = clock.instant();
        UUID supporter = email == null ? null : supporters.findOrCreate(email, name, anonymous, language, now);
        UUID id = UUID.randomUUID();
        UUID planId = frequency.recurring() ? UUID.randomUUID() : null;
        Donation d = new Donation(id, now, Donation.CHECKOUT, frequency, amountMinor, currency, method, language, ask,
                supporter, planId, null, "bank".equals(method) ? referenceCode() : null, "PENDING", now, 0);
        donations.insert(d);
        donations.appendStatus(id, "PENDING", "PENDING", now, null, null, null, null);
        if (planId != null) {
            plans.insert(planId, now, id, supporter, frequency, currency, method, language);
            plans.change(planId, now, PlanStatus.PENDING, amountMinor, null, "checkout");
        }
        return d;
    }

    PendingDonation asPending(Donation d) {
        return new PendingDonation(d.id(), d.frequency(), d.amountMinor(), d.currency(), d.language(), null, null,
                null, null);
    }

    private String referenceCode() {
        StringBuilder code = new StringBuilder("SZ-");
        for (int i = 0; i < 8; i++) {
            code.append(CODE[random.nextInt(CODE.length)]);
        }
        return code.toString();
    }
}
