package org.samizdat.staff;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.samizdat.shared.Language;
import org.samizdat.shared.web.CspNonce;
import org.samizdat.shared.web.Pages;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

/** Builds the {@link NewsroomPage} chrome for a request; newsroom error handlers use it directly. */
@Component
public class NewsroomPages {

    private final Pages pages;

    NewsroomPages(Pages pages) {
        this.pages = pages;
    }

    public NewsroomPage page(HttpServletRequest request) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        Language language = language(request);
        return new NewsroomPage(language, pages.texts(language), CurrentStaff.get().orElse(null),
                token == null ? "_csrf" : token.getParameterName(), token == null ? "" : token.getToken(),
                CspNonce.of(request));
    }

    /** Russian when the browser prefers Russian over English, English otherwise. */
    static Language language(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return Language.EN;
        }
        try {
            Locale best = Locale.lookup(Locale.LanguageRange.parse(header), List.of(Locale.ENGLISH, Language.RU.locale()));
            return best != null && best.getLanguage().equals("ru") ? Language.RU : Language.EN;
        } catch (IllegalArgumentException malformed) {
            return Language.EN;
        }
    }
}
