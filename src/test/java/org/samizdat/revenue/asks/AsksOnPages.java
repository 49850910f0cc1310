package org.samizdat.revenue.asks;

import org.junit.jupiter.api.AfterEach;
import org.samizdat.revenue.asks.internal.AskCounters;
import org.samizdat.revenue.asks.internal.Asks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the full-stack asks tests share: the running app, its asks and counters; no ask stays live after a test. */
abstract class AsksOnPages {

    @LocalServerPort
    int port;

    @Autowired
    Asks asks;

    @Autowired
    AskCounters counters;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    LiveAsks live() {
        return new LiveAsks(asks, jdbc, events);
    }

    long hits(long ask, String event) {
        return jdbc.sql("select coalesce(sum(hits), 0) from ask_count where ask_id = ? and event = ?")
                .params(ask, event).query(Long.class).single();
    }

    @AfterEach
    void pauseEveryAsk() {
        live().pauseAll();
        counters.clearLimits();
    }
}
