package org.samizdat.revenue.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.samizdat.revenue.internal.Donation;
import org.samizdat.revenue.internal.Donations;
import org.samizdat.revenue.internal.Money;
import org.samizdat.revenue.internal.Settings;
import org.samizdat.shared.Language;
import org.samizdat.shared.web.NotFound;
import org.samizdat.shared.web.SameOrigin;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages of one donation, reached only through its unguessable id and never cached: the thank-you page (it
 * carries {@code data-donated} for the asks script), the bank transfer instructions, and test mode's simulated
 * checkout, whose buttons make the app send itself a signed webhook like a real provider's.
 */
@Controller
class PaymentPagesController {

    private final Donations donations;
    private final Settings settings;
    private final RevenueViews views;

    PaymentPagesController(Donations donations, Settings settings, RevenueViews views) {
        this.donations = donations;
        this.settings = settings;
        this.views = views;
    }

    @GetMapping("/support/thanks/{id}")
    String thanks(@PathVariable String id, Model model, HttpServletResponse response) {
        Donation d = donation(id);
        views.chrome(d.language(), "revenue.thanks.title", "/support/thanks/" + d.id(), true, model, response);
        model.addAttribute("donation", d);
        model.addAttribute("amount", Money.format(d.amountMinor(), d.currency(), d.language()));
        return "revenue/thanks";
    }

    @GetMapping("/support/bank/{id}")
    String bank(@PathVariable String id, Model model, HttpServletResponse response) {
        Donation d = donation(id);
        if (d.referenceCode() == null) {
            throw new NotFound();
        }
        views.chrome(d.language(), "revenue.bank.title", "/support/bank/" + d.id(), true, model, response);
        model.addAttribute("donation", d);
        model.addAttribute("amount", Money.format(d.amountMinor(), d.currency(), d.language()));
        model.addAttribute("details", settings.current().bankDetails());
        return "revenue/bank";
    }

    @GetMapping("/support/test-checkout/{id}")
    String testCheckout(@PathVariable String id, Model model, HttpServletResponse response) {
        Donation d = testDonation(id);
        views.chrome(d.language(), "revenue.test.title", "/support/test-checkout/" + d.id(), true, model, response);
        model.addAttribute("donation", d);
        model.addAttribute("amount", Money.format(d.amountMinor(), d.currency(), d.language()));
        return "revenue/test-checkout";
    }

    @PostMapping("/support/test-checkout/{id}")
    String simulate(@PathVariable String id, @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String email, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        Donation d = testDonation(id);
        Language language = d.language();
        if (!SameOrigin.check(request)) {
            return views.message(language, "revenue.refused", 403, "/" + language.code() + "/support", model, response);
        }
        response.setHeader("Cache-Control", "private, no-store");
        if (!d.status().equals("PENDING")) {
            return "redirect:/support/thanks/" + d.id();
        }
        boolean pay = "pay".equals(outcome);
        String address = email == null || email.isBlank() || email.length() > 254 ? null : email.strip();
        int status = donations.simulate(d, pay, address, request.getLocalPort());
        if (status != 200) {
            return views.message(language, "revenue.test.undelivered", 502, "/support/test-checkout/" + d.id(), model,
                    response, status);
        }
        return pay ? "redirect:/support/thanks/" + d.id()
                : views.message(language, "revenue.failed", 200, "/" + language.code() + "/support", model, response);
    }

    private Donation donation(String id) {
        return parse(id).flatMap(donations::find).orElseThrow(NotFound::new);
    }

    private Donation testDonation(String id) {
        Donation d = donation(id);
        if (!d.method().equals("test") || !donations.testModeOn()) {
            throw new NotFound();
        }
        return d;
    }

    static java.util.Optional<UUID> parse(String id) {
        try {
            return id.length() == 36 ? java.util.Optional.of(UUID.fromString(id)) : java.util.Optional.empty();
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
