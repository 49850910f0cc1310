package org.samizdat.revenue.asks.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.samizdat.revenue.asks.AskEvent;
import org.samizdat.revenue.asks.internal.AskCounters;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Where readers' browsers report that an ask was shown, opened or continued ({@code navigator.sendBeacon}, no
 * body, no cookie). Only aggregate counters change; the answer is empty and never cached.
 */
@Controller
class AskBeaconController {

    private final AskCounters counters;

    AskBeaconController(AskCounters counters) {
        this.counters = counters;
    }

    @PostMapping("/support/asks/{id}/{event}")
    ResponseEntity<Void> report(@PathVariable String id, @PathVariable String event, HttpServletRequest request) {
        Optional<AskEvent> reported = AskEvent.reported(event);
        if (!id.matches("[0-9]{1,18}") || reported.isEmpty()) {
            return answer(HttpStatus.NOT_FOUND);
        }
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equalsIgnoreCase("same-origin")) {
            return answer(HttpStatus.FORBIDDEN);
        }
        return switch (counters.report(Long.parseLong(id), reported.get(), request.getRemoteAddr())) {
            case COUNTED -> answer(HttpStatus.NO_CONTENT);
            case UNKNOWN -> answer(HttpStatus.NOT_FOUND);
            case TOO_MANY -> answer(HttpStatus.TOO_MANY_REQUESTS);
        };
    }

    private static ResponseEntity<Void> answer(HttpStatus status) {
        return ResponseEntity.status(status).header("Cache-Control", "no-store").build();
    }
}
