package org.samizdat.revenue.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.samizdat.revenue.internal.DonorData;
import org.samizdat.revenue.RevenueOptions;
import org.samizdat.revenue.internal.Amounts;
import org.samizdat.revenue.internal.Money;
import org.samizdat.revenue.internal.Plan;
import org.samizdat.revenue.internal.Plans;
import org.samizdat.shared.Language;
import org.samizdat.shared.web.SameOrigin;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The self-service page a receipt links to: a supporter cancels their plan, changes its amount, opens the
 * provider's card portal, downloads their data or has it erased, with no account. The signed link is the authority;
 * POSTs must also come from this site; a GET changes nothing. Never cached.
 */
@Controller
class ManageController {

    private final Plans plans;
    private final RevenueOptions options;
    private final RevenueViews views;
    private final DonorData donors;

    ManageController(Plans plans, RevenueOptions options, RevenueViews views, DonorData donors) {
        this.plans = plans;
        this.options = options;
        this.views = views;
        this.donors = donors;
    }

    @GetMapping("/support/manage/{token}")
    String page(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<Plan> plan = valid(token);
        if (plan.isEmpty()) {
            return invalid(token, model, response);
        }
        return show(plan.get(), token, null, null, model, response);
    }

    @PostMapping("/support/manage/{token}/export")
    Object export(@PathVariable String token, HttpServletRequest request, Model model, HttpServletResponse response) {
        Optional<Plan> plan = valid(token);
        if (plan.isEmpty()) {
            return invalid(token, model, response);
        }
        if (!SameOrigin.check(request)) {
            return refused(plan.get().language(), model, response);
        }
        return ResponseEntity.ok().header("Cache-Control", "private, no-store")
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"donor-data.json\"")
                .body(donors.export(plan.get()).getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/support/manage/{token}/erase")
    String confirmErasure(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<Plan> plan = valid(token);
        if (plan.isEmpty()) {
            return invalid(token, model, response);
        }
        views.chrome(plan.get().language(), "revenue.erase.title", "/support/manage", true, model, response);
        model.addAttribute("token", token);
        return "revenue/erase";
    }

    @PostMapping("/support/manage/{token}/erase")
    String erase(@PathVariable String token, HttpServletRequest request, Model model, HttpServletResponse response) {
        Optional<Plan> plan = valid(token);
        if (plan.isEmpty()) {
            return invalid(token, model, response);
        }
        Language language = plan.get().language();
        if (!SameOrigin.check(request)) {
            return refused(language, model, response);
        }
        try {
            donors.erase(plan.get());
        } catch (DonorData.PostponedErasure e) {
            return views.message(language, "revenue.erase.unavailable", 503, null, model, response);
        }
        return views.message(language, "revenue.erased", 200, "/" + language.code() + "/support", model, response);
    }

    @PostMapping("/support/manage/{token}/cancel")
    String cancel(@PathVariable String token, HttpServletRequest request, Model model, HttpServletResponse response) {
        Optional<Plan> plan = valid(token);
        if (plan.isEmpty()) {
            return invalid(token, model, response);
        }
        if (!SameOrigin.check(request)) {
            return refused(plan.get().language(), model, response);
        }
        plans.cancel(plan.get(), "supporter");
        return show(plans.find(plan.get().id()).orElseThrow(), token, "revenue.manage.cancelled", null, model, response);
    }

    @PostMapping("/support/manage/{token}/amount")
    String amount(@PathVariable String token, @RequestParam(required = false) String amount, HttpServletRequest request,
            Model model, HttpServletResponse response) {
        Optional<Plan> plan = valid(token);
        if (plan.isEmpty()) {
            return invalid(token, model, response);
        }
        Plan p = plan.get();
        if (!SameOrigin.check(request)) {
            return refused(p.language(), model, response);
        }
        Optional<Amounts.Problem> problem = plans.changeAmount(p, amount, p.language(), "supporter");
        if (problem.isPresent()) {
            response.setStatus(422);
            return show(p, token, null, views.texts(p.language()).get("revenue.error.amount." + problem.get(),
                    options.format(options.minimumMinor(p.currency()), p.currency(), p.language()),
                    options.format(options.maximumMinor(p.currency()), p.currency(), p.language())), model, response);
        }
        return show(plans.find(p.id()).orElseThrow(), token, "revenue.manage.changed", null, model, response);
    }

    @PostMapping("/support/manage/{token}/portal")
    String portal(@PathVariable String token, HttpServletRequest request, Model model, HttpServletResponse response) {
        Optional<Plan> plan = valid(token);
        if (plan.isEmpty()) {
            return invalid(token, model, response);
        }
        if (!SameOrigin.check(request)) {
            return refused(plan.get().language(), model, response);
        }
        String back = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
                + "/support/manage/" + token;
        return plans.portal(plan.get(), back).map(url -> "redirect:" + url)
                .orElseGet(() -> show(plan.get(), token, null, null, model, response));
    }

    private String show(Plan plan, String token, String doneKey, String error, Model model,
            HttpServletResponse response) {
        views.chrome(plan.language(), "revenue.manage.title", "/support/manage", true, model, response);
        model.addAttribute("plan", plan);
        model.addAttribute("token", token);
        model.addAttribute("amount", Money.format(plan.amountMinor(), plan.currency(), plan.language()));
        model.addAttribute("done", doneKey == null ? null : views.texts(plan.language()).get(doneKey));
        model.addAttribute("error", error);
        return "revenue/manage";
    }

    /** The token's plan, unless the token is invalid or its donor's data was erased. */
    private Optional<Plan> valid(String token) {
        return plans.byToken(token).filter(plan -> !donors.erased(plan));
    }

    /** 410 for a link whose data was erased, 404 for a tampered, unknown or expired one. */
    private String invalid(String token, Model model, HttpServletResponse response) {
        if (plans.byToken(token).isPresent()) {
            Language language = views.defaultLanguage();
            return views.message(language, "revenue.manage.gone", 410, "/" + language.code() + "/support", model,
                    response);
        }
        return expired(model, response);
    }

    private String expired(Model model, HttpServletResponse response) {
        Language language = views.defaultLanguage();
        return views.message(language, "revenue.manage.expired", 404, "/" + language.code() + "/support", model,
                response);
    }

    private String refused(Language language, Model model, HttpServletResponse response) {
        return views.message(language, "revenue.refused", 403, null, model, response);
    }
}
