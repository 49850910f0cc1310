package org.samizdat.site.web.newsroom;

import jakarta.servlet.http.HttpServletResponse;
import org.samizdat.shared.Language;
import org.samizdat.site.PolicyVersion;
import org.samizdat.site.PrivacyPolicies;
import org.samizdat.staff.AuditAction;
import org.samizdat.staff.AuditLog;
import org.samizdat.staff.FieldErrors;
import org.samizdat.staff.Newsroom;
import org.samizdat.staff.NewsroomPage;
import org.samizdat.staff.StaffMember;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Admins publish new versions of the privacy policy; earlier versions stay online unchanged. */
@Controller
@Newsroom
class PrivacyPolicyEditor {

    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 100_000;

    private final PrivacyPolicies policies;
    private final AuditLog audit;

    PrivacyPolicyEditor(PrivacyPolicies policies, AuditLog audit) {
        this.policies = policies;
        this.audit = audit;
    }

    @GetMapping("/newsroom/privacy/{lang:en|ru}")
    String edit(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page, @PathVariable String lang,
            @RequestParam(required = false) String published, Model model) {
        Language language = Language.of(lang);
        PolicyVersion current = policies.current(language).orElse(null);
        return show(model, page, language, current == null ? "" : current.title(),
                current == null ? "" : current.bodyMarkdown(), FieldErrors.none(page.t()), published != null);
    }

    @PostMapping("/newsroom/privacy/{lang:en|ru}")
    String publish(@ModelAttribute(name = "newsroom", binding = false) NewsroomPage page, @PathVariable String lang,
            @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String body,
            StaffMember who, Model model, HttpServletResponse response) {
        Language language = Language.of(lang);
        FieldErrors errors = FieldErrors.none(page.t()).required("title", title).maxLength("title", title, MAX_TITLE)
                .required("body", body).maxLength("body", body, MAX_BODY);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return show(model, page, language, title, body, errors, false);
        }
        PolicyVersion published = policies.publish(language, title.strip(), body.strip(), who.id());
        audit.record(who, AuditAction.POLICY_PUBLISHED, language.code() + " · version " + published.version());
        return "redirect:/newsroom/privacy/" + lang + "?published";
    }

    private String show(Model model, NewsroomPage page, Language language, String title, String body,
            FieldErrors errors, boolean published) {
        model.addAttribute("language", language);
        model.addAttribute("title", title);
        model.addAttribute("body", body);
        model.addAttribute("errors", errors);
        model.addAttribute("published", published);
        model.addAttribute("history", policies.history(language));
        return "newsroom/privacy";
    }
}
