package org.samizdat.revenue.internal;

import java.util.List;
import org.samizdat.revenue.DonationCompleted;
import org.samizdat.revenue.DonationRefunded;
import org.samizdat.revenue.RecurringCancelled;
import org.samizdat.shared.web.PagesChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;

/**
 * Tells the page cache (after the commit that carries the change) that the support pages and the goal read differently after money moved or the newsroom
 * changed its settings.
 */
@Component
class RevenuePages {

    static final List<String> PATHS = List.of("/support", "/en/support", "/ru/support", "/support/goal.json");

    private final ApplicationEventPublisher events;

    RevenuePages(ApplicationEventPublisher events) {
        this.events = events;
    }

    @EventListener
    void on(DonationCompleted completed) {
        changed();
    }

    @EventListener
    void on(DonationRefunded refunded) {
        changed();
    }

    @EventListener
    void on(RecurringCancelled cancelled) {
        changed();
    }

    void changed() {
        events.publishEvent(new PagesChanged(PATHS));
    }
}
