package org.samizdat.newsletter.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Delivery progress of one edition: rows per outcome, the recent sending rate (messages per second over the last
 * minute) and the time left at that rate ({@code -1} when unknown).
 */
public record Progress(String status, int total, int sent, int unconfirmed, int failed, int skipped, int cancelled,
        int queued, double rate, long secondsLeft) {

    /** For the newsroom's polled progress view. */
    public Map<String, Object> json() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", status);
        out.put("total", total);
        out.put("sent", sent);
        out.put("unconfirmed", unconfirmed);
        out.put("failed", failed);
        out.put("skipped", skipped);
        out.put("cancelled", cancelled);
        out.put("queued", queued);
        out.put("rate", Math.round(rate * 10) / 10.0);
        out.put("secondsLeft", secondsLeft);
        return out;
    }

    /** The rate rounded for display. */
    public String rateText() {
        return String.valueOf(Math.round(rate * 10) / 10.0);
    }
}
