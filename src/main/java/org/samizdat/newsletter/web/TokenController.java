package org.samizdat.newsletter.web;

import org.samizdat.shared.web.SameOrigin;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.samizdat.newsletter.internal.SignUps;
import org.samizdat.newsletter.internal.Subscription;
import org.samizdat.shared.Language;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The links in mails. A GET only shows a page with a button, so link scanners and previews change nothing; the
 * button's POST acts. Unsubscribe POSTs also come straight from mail clients (RFC 8058 one-click, no cookies, no
 * Origin), so the token alone authorises them, and repeating one answers 200 again.
 */
@Controller
class TokenController {

    private static final String CONFIRM = "/newsletter/confirm/";
    private static final String UNSUBSCRIBE = "/newsletter/unsubscribe/";

    private final SignUps signUps;
    private final NewsletterViews views;

    TokenController(SignUps signUps, NewsletterViews views) {
        this.signUps = signUps;
        this.views = views;
    }

    @GetMapping(CONFIRM + "{token}")
    String confirmPage(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<Subscription> pending = signUps.pendingConfirmation(token);
        if (pending.isEmpty()) {
            return invalid(model, response);
        }
        return views.message(language(pending.get()), "newsletter.confirm", 200, CONFIRM + token,
                "newsletter.confirm.button", CONFIRM, model, response, pending.get().newsletter().name());
    }

    @PostMapping(CONFIRM + "{token}")
    String confirm(@PathVariable String token, HttpServletRequest request, Model model, HttpServletResponse response) {
        if (!SameOrigin.check(request)) {
            return views.message(views.defaultLanguage(), "newsletter.refused", 403, null, null, CONFIRM, model,
                    response);
        }
        Optional<Subscription> confirmed = signUps.confirm(token);
        if (confirmed.isEmpty()) {
            return invalid(model, response);
        }
        return views.message(language(confirmed.get()), "newsletter.confirmed", 200, null, null, CONFIRM, model,
                response, confirmed.get().newsletter().name());
    }

    @GetMapping(UNSUBSCRIBE + "{token}")
    String unsubscribePage(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<Subscription> target = signUps.unsubscribeTarget(token);
        if (target.isEmpty()) {
            return invalid(model, response);
        }
        return views.message(language(target.get()), "newsletter.unsubscribe", 200, UNSUBSCRIBE + token,
                "newsletter.unsubscribe.button", UNSUBSCRIBE, model, response, target.get().newsletter().name());
    }

    @PostMapping(UNSUBSCRIBE + "{token}")
    String unsubscribe(@PathVariable String token, HttpServletRequest request, Model model,
            HttpServletResponse response) {
        boolean oneClick = "One-Click".equals(request.getParameter("List-Unsubscribe"));
        Optional<Subscription> ended = signUps.unsubscribe(token, oneClick ? "one-click" : "page");
        if (ended.isEmpty()) {
            return invalid(model, response);
        }
        return views.message(language(ended.get()), "newsletter.unsubscribed", 200, null, null, UNSUBSCRIBE, model,
                response, ended.get().newsletter().name());
    }

    private String invalid(Model model, HttpServletResponse response) {
        return views.message(views.defaultLanguage(), "newsletter.invalidLink", 404, null, null, "/newsletter", model,
                response);
    }

    private static Language language(Subscription subscription) {
        return subscription.newsletter().language();
    }
}
