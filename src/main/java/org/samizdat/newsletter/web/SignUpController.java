package org.samizdat.newsletter.web;

import org.samizdat.shared.web.SameOrigin;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.samizdat.newsletter.internal.Editions;
import org.samizdat.newsletter.internal.SignUpOutcome;
import org.samizdat.newsletter.internal.SignUpRequest;
import org.samizdat.newsletter.internal.SignUps;
import org.samizdat.shared.Language;
import org.samizdat.site.PolicyVersion;
import org.samizdat.site.PrivacyPolicies;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The newsletter page and the sign-up every page's footer posts to. Works without JavaScript and without a
 * session: a same-origin check stands in for a CSRF token ({@link SameOrigin}).
 */
@Controller
class SignUpController {

    private final SignUps signUps;
    private final PrivacyPolicies policies;
    private final NewsletterViews views;
    private final Editions editions;

    SignUpController(SignUps signUps, PrivacyPolicies policies, NewsletterViews views, Editions editions) {
        this.signUps = signUps;
        this.editions = editions;
        this.policies = policies;
        this.views = views;
    }

    @GetMapping("/{lang:en|ru}/newsletter")
    String page(@PathVariable String lang, Model model) {
        Language language = Language.of(lang);
        views.page(language, "/" + lang + "/newsletter", currentPolicy(language), preview(language), null, model);
        return "newsletter/page";
    }

    @PostMapping("/{lang:en|ru}/newsletter")
    String signUp(@PathVariable String lang, @RequestParam(required = false) String email,
            @RequestParam(required = false) String form, @RequestParam(required = false) String policy,
            @RequestParam(required = false) String newsletter, @RequestParam(required = false) String website,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        Language language = Language.of(lang);
        String path = "/" + lang + "/newsletter";
        if (!SameOrigin.check(request)) {
            return views.message(language, "newsletter.refused", 403, null, null, path, model, response);
        }
        SignUpOutcome outcome = signUps.signUp(new SignUpRequest(language, newsletter, email, form,
                version(policy), request.getRemoteAddr(), website));
        return switch (outcome) {
            case ACCEPTED -> views.message(language, "newsletter.sent", 200, null, null, path, model, response);
            case TOO_MANY -> views.message(language, "newsletter.tooMany", 429, null, null, path, model, response);
            case INVALID_ADDRESS -> {
                response.setStatus(400);
                response.setHeader("Cache-Control", "private, no-store");
                views.page(language, path, currentPolicy(language), preview(language),
                        views.texts(language).get("newsletter.invalidAddress"), model);
                yield "newsletter/page";
            }
        };
    }

    private Integer currentPolicy(Language language) {
        return policies.current(language).map(PolicyVersion::version).orElse(null);
    }

    /** The latest sent edition in the archive, for the Preview link; none before the first send. */
    private String preview(Language language) {
        return editions.archive(language, 1).stream().findFirst()
                .map(e -> "/" + language.code() + "/newsletter/archive/" + e.id()).orElse(null);
    }

    private static Integer version(String value) {
        return value != null && value.matches("[0-9]{1,6}") ? Integer.valueOf(value) : null;
    }
}
