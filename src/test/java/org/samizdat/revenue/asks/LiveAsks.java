package org.samizdat.revenue.asks;

import org.samizdat.revenue.asks.internal.Asks;
import org.samizdat.shared.Language;
import org.samizdat.shared.web.PagesChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Puts asks in front of readers for a test and takes them all away again, so other tests see pages without asks. */
final class LiveAsks {

    private final Asks asks;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    LiveAsks(Asks asks, JdbcClient jdbc, ApplicationEventPublisher events) {
        this.asks = asks;
        this.jdbc = jdbc;
        this.events = events;
    }

    long add(AskKind kind, Language language, String name, String headline, String body) {
        Asks.Saved saved = asks.save(new Ask(0, kind, language, name, true, headline, body,
                kind == AskKind.MODAL ? "The editors" : "", "", kind == AskKind.MODAL ? "USD 10 25 50" : "",
                kind == AskKind.MODAL ? "USD 5 10 20" : "", kind == AskKind.MODAL ? "USD 50 100" : "",
                kind == AskKind.MODAL ? String.join(" ", AskRules.KNOWN_METHODS) : "", kind == AskKind.BANNER));
        if (!saved.problems().isEmpty()) {
            throw new IllegalStateException(saved.problems().toString());
        }
        return saved.id();
    }

    /** One variant of every kind in a language; returns the dialog's id. */
    long everyKind(Language language, String tag) {
        add(AskKind.NOTICE, language, "notice " + tag, "", "Banned at home " + tag);
        add(AskKind.BANNER, language, "banner " + tag, "No ads " + tag, "Costs $10,000 a month " + tag);
        add(AskKind.STORY, language, "story " + tag, "", "Support after the story " + tag);
        return add(AskKind.MODAL, language, "modal " + tag, "", "Dear reader " + tag);
    }

    /** Pauses every ask and lets pages re-render without them. */
    void pauseAll() {
        jdbc.sql("update ask set active = false").update();
        events.publishEvent(PagesChanged.everyPage());
    }
}
