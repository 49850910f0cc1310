package org.samizdat.revenue.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.samizdat.revenue.checkout.PaymentLedger;
import org.samizdat.revenue.checkout.ProviderRefs;
import org.samizdat.shared.Csv;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The newsroom's view of the money: donations with filters (and as CSV), supporters, monthly recurring revenue,
 * cancellations; and crediting a bank transfer an editor saw arrive.
 */
@Service
public class Reports {

    public static final int LIST_LIMIT = 500;
    public static final int EXPORT_LIMIT = 100_000;

    private final ReportRepository reports;
    private final LedgerRepository donations;
    private final SupporterRepository supporters;
    private final PlanRepository plans;
    private final PaymentLedger ledger;
    private final Goal goal;

    Reports(ReportRepository reports, LedgerRepository donations, SupporterRepository supporters, PlanRepository plans,
            PaymentLedger ledger, Goal goal) {
        this.reports = reports;
        this.donations = donations;
        this.supporters = supporters;
        this.plans = plans;
        this.ledger = ledger;
        this.goal = goal;
    }

    @Transactional(readOnly = true)
    public List<Donation> donations(DonationFilter filter) {
        return reports.donations(filter, LIST_LIMIT);
    }

    @Transactional(readOnly = true)
    public List<Supporter> supporters(int limit, int offset) {
        return supporters.recent(limit, offset);
    }

    @Transactional(readOnly = true)
    public List<Plan> plans(List<String> statuses) {
        return plans.withStatus(statuses, LIST_LIMIT);
    }

    public Map<String, Long> monthlyRecurring() {
        return goal.monthlyRecurring();
    }

    public GoalProgress goal() {
        return goal.progress();
    }

    /** The filtered donations as CSV with the donor's address and name (for admins; the export is audited). */
    @Transactional(readOnly = true)
    public String csv(DonationFilter filter) {
        StringBuilder out = new StringBuilder(Csv.row(List.of("id", "created", "status", "frequency", "amount",
                "currency", "method", "ask", "reference", "refunded", "email", "name", "anonymous")));
        for (Donation d : reports.donations(filter, EXPORT_LIMIT)) {
            Supporter s = d.supporterId() == null ? null : supporters.find(d.supporterId()).orElse(null);
            List<Object> cells = new ArrayList<>(List.of(d.id(), d.createdAt(), d.status(), d.frequency().code(),
                    Money.toMajor(d.amountMinor(), d.currency()).toPlainString(), d.currency(), d.method()));
            cells.add(d.ask());
            cells.add(d.referenceCode());
            cells.add(Money.toMajor(d.refundedMinor(), d.currency()).toPlainString());
            cells.add(s == null ? null : s.email());
            cells.add(s == null ? null : s.name());
            cells.add(s != null && s.anonymous());
            out.append(Csv.row(cells));
        }
        return out.toString();
    }

    /** Credits a bank transfer the newsroom saw arrive; false when unknown, not a transfer, or already credited. */
    @Transactional
    public boolean bankReceived(UUID donationId) {
        return donations.find(donationId).filter(d -> BankProvider.ID.equals(d.method()))
                .map(d -> ledger.markPaid(d.id(), BankProvider.ID, ProviderRefs.payment("bank:" + d.referenceCode())))
                .orElse(false);
    }
}
