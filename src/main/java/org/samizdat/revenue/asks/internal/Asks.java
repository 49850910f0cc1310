package org.samizdat.revenue.asks.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.samizdat.revenue.RevenueOptions;
import org.samizdat.revenue.asks.Ask;
import org.samizdat.revenue.asks.AskKind;
import org.samizdat.revenue.asks.AskRules;
import org.samizdat.revenue.asks.SuggestedAmounts;
import org.samizdat.shared.web.PagesChanged;
import org.samizdat.staff.AuditAction;
import org.samizdat.staff.AuditLog;
import org.samizdat.staff.StaffMember;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The newsroom's side of the asks: variants checked against {@link AskRules} and saved in a tidy form; after each
 * change every cached page is dropped so readers get the new asks. Every saved change is in the audit log, with the
 * fields it changed.
 */
@Service
public class Asks {

    private final AskRepository repository;
    private final RevenueOptions options;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AuditLog audit;

    Asks(AskRepository repository, RevenueOptions options, ApplicationEventPublisher events, Clock clock,
            AuditLog audit) {
        this.repository = repository;
        this.options = options;
        this.events = events;
        this.clock = clock;
        this.audit = audit;
    }

    /** The outcome of a save: the variant's id, or what is wrong with it. */
    public record Saved(long id, List<AskRules.Problem> problems) {
    }

    @Transactional(readOnly = true)
    public List<Ask> all() {
        return repository.all();
    }

    @Transactional(readOnly = true)
    public Optional<Ask> find(long id) {
        return repository.find(id);
    }

    public RevenueOptions options() {
        return options;
    }

    /** What the payment side accepts, for the editor's help text: each currency with its range. */
    public String accepted() {
        return String.join(", ", options.currencies().stream().map(c -> AskRules.range(options, c)).toList());
    }

    /** Saves a variant on the system's behalf (demo content, tools). */
    @Transactional
    public Saved save(Ask draft) {
        return save(draft, null);
    }

    /** Saves a new variant (id 0) or changes an existing one; its kind and language never change. */
    @Transactional
    public Saved save(Ask draft, StaffMember who) {
        Ask ask = tidy(draft);
        List<AskRules.Problem> problems = AskRules.check(ask, options);
        if (!problems.isEmpty()) {
            return new Saved(ask.id(), problems);
        }
        long id = ask.id();
        if (id == 0) {
            id = repository.insert(ask, clock.instant());
            audit.record(who, AuditAction.ASK_CREATED, AskChanges.subject(id, ask, List.of()));
        } else {
            Ask stored = repository.find(id).orElseThrow(() -> new IllegalArgumentException("No ask " + draft.id()));
            Ask changed = new Ask(id, stored.kind(), stored.language(), ask.name(), ask.active(), ask.headline(),
                    ask.body(), ask.signature(), ask.button(), ask.amountsOnce(), ask.amountsMonthly(),
                    ask.amountsAnnual(), ask.methods(), ask.showGoal());
            repository.update(changed, clock.instant());
            List<String> fields = AskChanges.fields(stored, changed);
            if (!fields.isEmpty()) {
                audit.record(who, AuditAction.ASK_CHANGED, AskChanges.subject(id, changed, fields));
            }
        }
        changed();
        return new Saved(id, List.of());
    }

    private void changed() {
        events.publishEvent(PagesChanged.everyPage());
    }

    private static Ask tidy(Ask ask) {
        boolean modal = ask.kind() == AskKind.MODAL;
        return new Ask(ask.id(), ask.kind(), ask.language(), AskRules.line(ask.name()), ask.active(),
                AskRules.line(ask.headline()), ask.body() == null ? "" : ask.body().strip(),
                AskRules.line(ask.signature()), AskRules.line(ask.button()),
                modal ? amounts(ask.amountsOnce()) : "", modal ? amounts(ask.amountsMonthly()) : "",
                modal ? amounts(ask.amountsAnnual()) : "", modal ? String.join(" ", AskRules.methods(ask.methods())) : "",
                ask.kind() == AskKind.BANNER && ask.showGoal());
    }

    private static String amounts(String text) {
        String value = text == null ? "" : text.strip();
        return SuggestedAmounts.parse(value).map(SuggestedAmounts::text).orElse(value);
    }
}
