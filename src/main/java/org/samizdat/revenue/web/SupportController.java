package org.samizdat.revenue.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.samizdat.revenue.Frequency;
import org.samizdat.revenue.RevenueOptions;
import org.samizdat.revenue.internal.CheckoutOutcome;
import org.samizdat.revenue.internal.CheckoutRequest;
import org.samizdat.revenue.internal.Checkout;
import org.samizdat.revenue.internal.Goal;
import org.samizdat.revenue.internal.GoalProgress;
import org.samizdat.revenue.internal.RevenueSettings;
import org.samizdat.revenue.internal.Settings;
import org.samizdat.shared.Language;
import org.samizdat.shared.web.SameOrigin;
import org.samizdat.shared.web.Texts;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The public support page (the same for every reader, cacheable, works without JavaScript), the checkout every ask
 * posts to, and the goal as JSON for the banner. The checkout is guarded by the same-origin check, not a session.
 */
@Controller
class SupportController {

    private static final List<String> FIELDS = List.of("frequency", "amount", "currency", "method", "ask", "email",
            "name", "anonymous");

    private final Checkout checkout;
    private final RevenueOptions options;
    private final Settings settings;
    private final Goal goal;
    private final RevenueViews views;

    SupportController(Checkout checkout, RevenueOptions options, Settings settings, Goal goal, RevenueViews views) {
        this.checkout = checkout;
        this.options = options;
        this.settings = settings;
        this.goal = goal;
        this.views = views;
    }

    @GetMapping("/support")
    String defaultPage(@RequestParam(required = false) String frequency, @RequestParam(required = false) String ask,
            Model model, HttpServletResponse response) {
        return page(views.defaultLanguage(), frequency, askOnly(ask), Map.of(), null, model, response);
    }

    /** {@code ?ask=<variant>} (from an ask's link) is carried into the form so the checkout credits that variant. */
    @GetMapping("/{lang:en|ru}/support")
    String page(@PathVariable String lang, @RequestParam(required = false) String frequency,
            @RequestParam(required = false) String ask, Model model, HttpServletResponse response) {
        return page(Language.of(lang), frequency, askOnly(ask), Map.of(), null, model, response);
    }

    private static Map<String, String> askOnly(String ask) {
        return ask != null && ask.matches("[A-Za-z0-9_-]{1,40}") ? Map.of("ask", ask) : Map.of();
    }

    @PostMapping("/support/checkout")
    String checkout(@RequestParam Map<String, String> form, @RequestParam(required = false) String custom,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        Language language = Language.fromCode(form.get("lang")).orElse(views.defaultLanguage());
        Map<String, String> typed = typed(form, custom);
        if (!SameOrigin.check(request)) {
            return views.message(language, "revenue.refused", 403, "/" + language.code() + "/support", model, response);
        }
        CheckoutOutcome outcome = checkout.start(new CheckoutRequest(typed.get("frequency"), typed.get("amount"),
                typed.get("currency"), typed.get("method"), typed.get("ask"), typed.get("email"), typed.get("name"),
                "on".equals(typed.get("anonymous")) || "true".equals(typed.get("anonymous")), language,
                origin(request), request.getRemoteAddr()));
        if (outcome.tooMany()) {
            return views.message(language, "revenue.tooMany", 429, "/" + language.code() + "/support", model, response);
        }
        if (outcome.unavailable()) {
            return page(language, typed.get("frequency"), typed, Map.of(), views.texts(language).get("revenue.error.unavailable"),
                    model, response, 503);
        }
        if (!outcome.errors().isEmpty()) {
            return page(language, typed.get("frequency"), typed, outcome.errors(),
                    views.texts(language).get("revenue.error.form"), model, response, 422);
        }
        response.setHeader("Cache-Control", "private, no-store");
        return "redirect:" + outcome.start().location();
    }

    @GetMapping(value = "/support/goal.json", produces = "application/json")
    @ResponseBody
    ResponseEntity<Map<String, Object>> goalJson() {
        GoalProgress p = goal.progress();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("goal", p.goalMinor());
        body.put("raised", p.raisedMinor());
        body.put("currency", p.currency());
        body.put("percent", p.percent());
        body.put("month", p.month());
        return ResponseEntity.ok().header("Cache-Control", "public, max-age=60").body(body);
    }

    private String page(Language language, String frequency, Map<String, String> typed, Map<String, String> errors,
            String formError, Model model, HttpServletResponse response) {
        return page(language, frequency, typed, errors, formError, model, response, 200);
    }

    private String page(Language language, String frequencyCode, Map<String, String> typed, Map<String, String> errors,
            String formError, Model model, HttpServletResponse response, int status) {
        response.setStatus(status);
        views.chrome(language, "revenue.support.title", "/" + language.code() + "/support", status != 200, model,
                response);
        Frequency frequency = Frequency.fromCode(frequencyCode).orElse(Frequency.ONCE);
        RevenueSettings s = settings.current();
        List<String> currencies = options.currencies();
        Map<String, String> values = new LinkedHashMap<>(typed);
        values.putIfAbsent("frequency", frequency.code());
        values.putIfAbsent("currency", currencies.isEmpty() ? "" : currencies.get(0));
        List<String> methods = options.methods();
        values.putIfAbsent("method", methods.isEmpty() ? "" : methods.get(0));
        Texts t = views.texts(language);
        GoalProgress progress = goal.progress();
        String goalText = progress.goalMinor() <= 0 ? null : t.get("revenue.goal.progress",
                options.format(progress.raisedMinor(), progress.currency(), language),
                options.format(progress.goalMinor(), progress.currency(), language), progress.percent());
        model.addAttribute("view", new SupportView(s.appeal(language), s.note(language), progress, goalText,
                List.of("once", "monthly", "annual"), currencies, methods,
                s.suggested(frequency).stream().map(a -> a.stripTrailingZeros().toPlainString()).toList(), values,
                errors, formError));
        return "revenue/support";
    }

    /** The fields as typed, cut to a sane length; a custom amount wins over a suggested one. */
    private static Map<String, String> typed(Map<String, String> form, String custom) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (String field : FIELDS) {
            String value = form.get(field);
            if (value != null) {
                typed.put(field, value.length() > 300 ? value.substring(0, 300) : value);
            }
        }
        if (custom != null && !custom.isBlank()) {
            typed.put("amount", custom.length() > 300 ? custom.substring(0, 300) : custom);
        }
        return typed;
    }

    private static String origin(HttpServletRequest request) {
        String host = request.getHeader("Host");
        boolean plain = host != null && host.matches("[A-Za-z0-9.\\-]{1,253}(:[0-9]{1,5})?");
        return request.getScheme() + "://" + (plain ? host : request.getServerName() + ":" + request.getServerPort());
    }
}
