package org.samizdat.revenue.asks.internal;

import java.util.List;
import org.samizdat.revenue.asks.AskLimits;
import org.springframework.stereotype.Component;

/** Where the asks learn what the payment side accepts. */
@Component
class AskLimitsSource {

    AskLimits limits() {
        return new AskLimits(List.of("USD", "EUR"), List.of("card", "crypto", "bank"), 1, 100_000);
    }
}
