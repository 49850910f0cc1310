package org.samizdat.revenue.asks.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.samizdat.revenue.asks.Ask;

/**
 * One line of the newsroom's conversion report: a variant's counts and the rates between them, in per cent of
 * times shown (null where it was never shown).
 */
public record AskReportRow(Ask ask, long shown, long opened, long continued, long completed) {

    public Double openRate() {
        return rate(opened);
    }

    public Double continueRate() {
        return rate(continued);
    }

    public Double completeRate() {
        return rate(completed);
    }

    private Double rate(long count) {
        return shown == 0 ? null : Math.round(count * 1000.0 / shown) / 10.0;
    }

    static List<AskReportRow> rows(List<Ask> asks, List<AskRepository.AskTotal> totals) {
        Map<Long, Map<String, Long>> byAsk = new HashMap<>();
        for (AskRepository.AskTotal total : totals) {
            byAsk.computeIfAbsent(total.askId(), id -> new HashMap<>()).put(total.event(), total.total());
        }
        List<AskReportRow> rows = new ArrayList<>();
        for (Ask ask : asks) {
            Map<String, Long> counts = byAsk.getOrDefault(ask.id(), Map.of());
            rows.add(new AskReportRow(ask, counts.getOrDefault("shown", 0L), counts.getOrDefault("opened", 0L),
                    counts.getOrDefault("continued", 0L), counts.getOrDefault("completed", 0L)));
        }
        return rows;
    }
}
