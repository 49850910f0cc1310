package org.samizdat.revenue.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.samizdat.revenue.checkout.PlanStatus;
import org.samizdat.revenue.checkout.ProviderUnavailable;
import org.samizdat.shared.web.Json;
import org.samizdat.staff.AuditAction;
import org.samizdat.staff.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A donor's rights from their self-service link: a copy of everything we hold about them (JSON), and erasure —
 * their recurring gifts cancelled at the provider first, then the address, name and lookup hash removed while the
 * ledger keeps its amounts and dates. Both are audited by supporter id only.
 */
@Service
public class DonorData {

    private static final Logger log = LoggerFactory.getLogger(DonorData.class);

    private final Plans plans;
    private final LedgerRepository ledger;
    private final SupporterRepository supporters;
    private final DonorRecords records;
    private final AuditLog audit;
    private final Clock clock;

    DonorData(Plans plans, LedgerRepository ledger, SupporterRepository supporters, DonorRecords records,
            AuditLog audit, Clock clock) {
        this.plans = plans;
        this.ledger = ledger;
        this.supporters = supporters;
        this.records = records;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether this plan's donor has erased their data (their link then says so instead of working). */
    @Transactional(readOnly = true)
    public boolean erased(Plan plan) {
        return records.planErased(plan.id()) || supporterOf(plan).map(supporters::erased).orElse(false);
    }

    /** The donor's data as JSON: their supporter record opened from its sealed form, donations and plans. Audited. */
    @Transactional
    public String export(Plan plan) {
        Optional<UUID> supporterId = supporterOf(plan);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("exported_at", clock.instant().toString());
        Optional<Supporter> supporter = supporterId.flatMap(supporters::find);
        data.put("supporter", supporter.map(s -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("email", s.email());
            row.put("name", s.name());
            row.put("anonymous", s.anonymous());
            row.put("language", s.language().code());
            row.put("created_at", s.createdAt().toString());
            return row;
        }).orElse(null));
        List<Donation> donations = supporterId.map(records::donations)
                .orElseGet(() -> ledger.find(plan.originDonationId()).map(List::of).orElse(List.of()));
        data.put("donations", donations.stream().map(DonorData::donation).toList());
        List<UUID> planIds = supporterId.map(records::plans).orElse(List.of(plan.id()));
        data.put("plans", planIds.stream().map(plans::find).flatMap(Optional::stream).map(DonorData::plan).toList());
        audit.record(null, AuditAction.DONOR_DATA_EXPORTED, "supporter " + supporterId.map(UUID::toString).orElse("-"));
        return Json.write(data);
    }

    /**
     * Cancels every active plan of the donor at its provider, then erases their personal data. When a provider
     * cannot be reached nothing is erased, so no gift keeps running for a donor we can no longer identify.
     */
    @Transactional
    public void erase(Plan plan) {
        Optional<UUID> supporterId = supporterOf(plan);
        List<UUID> planIds = supporterId.map(records::plans).orElse(List.of(plan.id()));
        int cancelled = 0;
        try {
            for (UUID id : planIds) {
                Optional<Plan> p = plans.find(id).filter(x -> x.status() != PlanStatus.CANCELLED);
                if (p.isPresent() && plans.cancel(p.get(), "erasure")) {
                    cancelled++;
                }
            }
        } catch (ProviderUnavailable e) {
            log.warn("Erasure for plan {} postponed: a provider could not cancel a plan: {}", plan.id(), e.getMessage());
            throw new PostponedErasure(e);
        }
        Instant now = clock.instant();
        int kept = supporterId.map(records::donations).map(List::size).orElse(1);
        boolean first = supporterId.map(id -> supporters.erase(id, now)).orElse(!records.planErased(plan.id()));
        if (!first) {
            return;
        }
        records.recordErasure(supporterId.orElse(null), plan.id(), now, cancelled, kept);
        audit.record(null, AuditAction.DONOR_ERASED, "supporter " + supporterId.map(UUID::toString).orElse("-")
                + " · plans cancelled " + cancelled + " · donations kept " + kept);
    }

    private Optional<UUID> supporterOf(Plan plan) {
        if (plan.supporterId() != null) {
            return Optional.of(plan.supporterId());
        }
        return ledger.find(plan.originDonationId()).map(Donation::supporterId);
    }

    private static Map<String, Object> donation(Donation d) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", d.id().toString());
        row.put("created_at", d.createdAt().toString());
        row.put("kind", d.kind());
        row.put("frequency", d.frequency().code());
        row.put("amount_minor", d.amountMinor());
        row.put("currency", d.currency());
        row.put("method", d.method());
        row.put("status", d.status());
        row.put("refunded_minor", d.refundedMinor());
        row.put("reference", d.referenceCode());
        return row;
    }

    private static Map<String, Object> plan(Plan p) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", p.id().toString());
        row.put("created_at", p.createdAt().toString());
        row.put("frequency", p.frequency().code());
        row.put("amount_minor", p.amountMinor());
        row.put("currency", p.currency());
        row.put("method", p.method());
        row.put("status", p.status().name());
        row.put("next_due", p.nextDue() == null ? null : p.nextDue().toString());
        return row;
    }

    /** A provider could not cancel a plan; the erasure was rolled back and may be asked for again. */
    public static class PostponedErasure extends RuntimeException {
        PostponedErasure(Throwable cause) {
            super(cause);
        }
    }
}
