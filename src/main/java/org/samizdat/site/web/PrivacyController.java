package org.samizdat.site.web;

import org.samizdat.content.Navigation;
import org.samizdat.shared.Language;
import org.samizdat.shared.web.NotFound;
import org.samizdat.shared.web.Pages;
import org.samizdat.site.PolicyVersion;
import org.samizdat.site.PrivacyPolicies;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The current privacy policy, and every earlier version at its own stable address. */
@Controller
class PrivacyController {

    private final PrivacyPolicies policies;
    private final Navigation navigation;
    private final Pages pages;

    PrivacyController(PrivacyPolicies policies, Navigation navigation, Pages pages) {
        this.policies = policies;
        this.navigation = navigation;
        this.pages = pages;
    }

    @GetMapping("/{lang:en|ru}/privacy")
    String current(@PathVariable String lang, Model model) {
        Language language = Language.of(lang);
        return render(language, policies.current(language).orElse(null), "/" + lang + "/privacy", model);
    }

    @GetMapping("/{lang:en|ru}/privacy/v{version:[0-9]+}")
    String version(@PathVariable String lang, @PathVariable String version, Model model) {
        if (version.length() > 6) {
            throw new NotFound();
        }
        Language language = Language.of(lang);
        PolicyVersion policy = policies.version(language, Integer.parseInt(version)).orElseThrow(NotFound::new);
        return render(language, policy, "/" + lang + "/privacy/v" + version, model);
    }

    private String render(Language language, PolicyVersion policy, String path, Model model) {
        String title = policy == null ? pages.texts(language).get("privacy.title") : policy.title();
        model.addAttribute("page", pages.page(language, title, null, path));
        model.addAttribute("nav", navigation.sections(language));
        model.addAttribute("policy", policy);
        return "site/privacy";
    }
}
