package org.samizdat.revenue.internal;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly goal: this calendar month's one-time donations (in the newsroom's time zone) plus what every active
 * recurring plan brings in per month (annual ones count a twelfth), converted into the goal's currency.
 */
@Service
public class Goal {

    private final ReportRepository reports;
    private final PlanRepository plans;
    private final Settings settings;
    private final Clock clock;
    private final ZoneId zone;

    Goal(ReportRepository reports, PlanRepository plans, Settings settings, Clock clock,
            @Value("${samizdat.newsroom.zone:Europe/Riga}") String zone) {
        this.reports = reports;
        this.plans = plans;
        this.settings = settings;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    @Transactional(readOnly = true)
    public GoalProgress progress() {
        RevenueSettings s = settings.current();
        YearMonth month = YearMonth.now(clock.withZone(zone));
        Map<String, Long> raised = new HashMap<>(reports.oneTimeRaised(month.atDay(1).atStartOfDay(zone).toInstant(),
                month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant()));
        monthlyRecurring().forEach((currency, minor) -> raised.merge(currency, minor, Long::sum));
        String currency = Money.known(s.goalCurrency()) ? s.goalCurrency() : "USD";
        return GoalProgress.of(Money.toMinor(s.goalAmount(), currency), currency, raised, s.rates(), month.toString());
    }

    /** Monthly recurring revenue per currency: active plans' monthly equivalents. */
    @Transactional(readOnly = true)
    public Map<String, Long> monthlyRecurring() {
        Map<String, Long> totals = new HashMap<>();
        for (Plan plan : plans.withStatus(List.of("ACTIVE"), Integer.MAX_VALUE)) {
            totals.merge(plan.currency(), plan.monthlyMinor(), Long::sum);
        }
        return totals;
    }
}
