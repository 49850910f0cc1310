package org.samizdat.revenue.internal;

import java.util.Optional;
import java.util.UUID;
import org.samizdat.revenue.RevenueOptions;
import org.samizdat.revenue.checkout.PaymentProvider;
import org.samizdat.revenue.checkout.PlanAtProvider;
import org.samizdat.revenue.checkout.PlanStatus;
import org.samizdat.shared.Language;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a supporter (through a self-service link) or the newsroom can do to a recurring plan: cancel it, change its
 * amount, open the provider's card portal. The provider is told first; the ledger records the change after.
 */
@Service
public class Plans {

    private final PlanRepository plans;
    private final PlanChanges changes;
    private final ObjectProvider<PaymentProvider> providers;
    private final RevenueOptions options;
    private final ManageTokens tokens;

    Plans(PlanRepository plans, PlanChanges changes, ObjectProvider<PaymentProvider> providers, RevenueOptions options,
            ManageTokens tokens) {
        this.plans = plans;
        this.changes = changes;
        this.providers = providers;
        this.options = options;
        this.tokens = tokens;
    }

    /** The plan a self-service token names, when the token is valid. */
    @Transactional(readOnly = true)
    public Optional<Plan> byToken(String token) {
        return tokens.verify(token).flatMap(plans::find);
    }

    @Transactional(readOnly = true)
    public Optional<Plan> find(UUID id) {
        return plans.find(id);
    }

    /** Cancels the plan at its provider and in the ledger; false when it was already cancelled. */
    @Transactional
    public boolean cancel(Plan plan, String who) {
        if (plan.status() == PlanStatus.CANCELLED) {
            return false;
        }
        provider(plan).ifPresent(p -> p.cancel(atProvider(plan)));
        return changes.apply(plan, PlanStatus.CANCELLED, null, who);
    }

    /** Changes the amount of future periods; the problem with the typed amount when it is refused. */
    @Transactional
    public Optional<Amounts.Problem> changeAmount(Plan plan, String typed, Language language, String who) {
        Amounts.Parsed amount = Amounts.parse(typed, plan.currency(), language, options.minimumMinor(plan.currency()),
                options.maximumMinor(plan.currency()));
        if (!amount.ok()) {
            return Optional.of(amount.problem());
        }
        if (plan.status() != PlanStatus.CANCELLED && amount.minor() != plan.amountMinor()) {
            provider(plan).ifPresent(p -> p.changeAmount(atProvider(plan), amount.minor()));
            changes.apply(plan, null, amount.minor(), who);
        }
        return Optional.empty();
    }

    public Optional<String> portal(Plan plan, String returnUrl) {
        return provider(plan).flatMap(p -> p.portalUrl(atProvider(plan), returnUrl));
    }

    private Optional<PaymentProvider> provider(Plan plan) {
        return providers.orderedStream().filter(p -> p.id().equals(plan.method())).findFirst();
    }

    private static PlanAtProvider atProvider(Plan plan) {
        return new PlanAtProvider(plan.id(), plan.method(), plan.subscriptionRef(), plan.customerRef(),
                plan.frequency(), plan.amountMinor(), plan.currency());
    }
}
