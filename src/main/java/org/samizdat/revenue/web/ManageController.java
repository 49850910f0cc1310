package org.samizdat.revenue.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.samizdat.revenue.RevenueOptions;
import org.samizdat.revenue.internal.Amounts;
import org.samizdat.revenue.internal.Money;
import org.samizdat.revenue.internal.Plan;
import org.samizdat.revenue.internal.Plans;
import org.samizdat.shared.Language;
import org.samizdat.shared.web.SameOrigin;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The self-service page a receipt links to: a supporter cancels their plan, changes its amount or opens the
 * provider's card portal, with no account. The signed link is the authority; POSTs must also come from this site.
 * Never cached.
 */
@Controller
class ManageController {

    private final Plans plans;
    private final RevenueOptions options;
    private final RevenueViews views;

    ManageController(Plans plans, RevenueOptions options, RevenueViews views) {
        this.plans = plans;
        this.options = options;
        this.views = views;
    }

    @GetMapping("/support/manage/{token}")
    String page(@PathVariable String token, Model model, HttpServletResponse response) {
        return plans.byToken(token).map(plan -> show(plan, token, null, null, model, response))
                .orElseGet(() -> expired(model, response));
    }

    @PostMapping("/support/manage/{token}/cancel")
    String cancel(@PathVariable String token, HttpServletRequest request, Model model, HttpServletResponse response) {
        Optional<Plan> plan = plans.byToken(token);
        if (plan.isEmpty()) {
            return expired(model, response);
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
        Optional<Plan> plan = plans.byToken(token);
        if (plan.isEmpty()) {
            return expired(model, response);
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
        Optional<Plan> plan = plans.byToken(token);
        if (plan.isEmpty()) {
            return expired(model, response);
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

    private String expired(Model model, HttpServletResponse response) {
        Language language = views.defaultLanguage();
        return views.message(language, "revenue.manage.expired", 404, "/" + language.code() + "/support", model,
                response);
    }

    private String refused(Language language, Model model, HttpServletResponse response) {
        return views.message(language, "revenue.refused", 403, null, model, response);
    }
}
