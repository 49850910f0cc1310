package org.samizdat.revenue.asks.internal;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.samizdat.content.SafeMarkdown;
import org.samizdat.revenue.RevenueOptions;
import org.samizdat.revenue.asks.Ask;
import org.samizdat.revenue.asks.AskKind;
import org.samizdat.revenue.asks.AskRules;
import org.samizdat.revenue.asks.SuggestedAmounts;
import org.samizdat.revenue.internal.Settings;
import org.samizdat.shared.Language;
import org.samizdat.shared.web.InlineScript;
import org.samizdat.shared.web.PagePart;
import org.samizdat.shared.web.PagesChanged;
import org.samizdat.shared.web.Pages;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Renders the live asks of a language once into the HTML of each page place and keeps it until asks change:
 * every variant as an inert {@code <template>} for the script to choose from, and a plain link to the support
 * page for readers without JavaScript. The same bytes for every reader.
 */
@Component
class AskHtml {

    private final AskRepository asks;
    private final SafeMarkdown markdown;
    private final TemplateEngine templates;
    private final Pages pages;
    private final AskSettings askSettings;
    private final Settings settings;
    private final RevenueOptions options;
    private final InlineScript gate;
    private final Map<Language, Map<PagePart.Place, String>> rendered = new ConcurrentHashMap<>();

    AskHtml(AskRepository asks, SafeMarkdown markdown, TemplateEngine templates, Pages pages, AskSettings askSettings,
            Settings settings, RevenueOptions options, InlineScript askGate) {
        this.asks = asks;
        this.markdown = markdown;
        this.templates = templates;
        this.pages = pages;
        this.askSettings = askSettings;
        this.settings = settings;
        this.options = options;
        this.gate = askGate;
    }

    String html(Language language, PagePart.Place place) {
        return rendered.computeIfAbsent(language, this::render).getOrDefault(place, "");
    }

    /**
     * Any page change may be the asks' or the revenue settings' (the donor-safety note): forget the HTML after commit,
     * before the page cache drops pages, so re-rendered pages carry the change.
     */
    @TransactionalEventListener(fallbackExecution = true)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void on(PagesChanged changed) {
        rendered.clear();
    }

    AskPage page(Language language) {
        Map<AskKind, List<AskView>> views = new EnumMap<>(AskKind.class);
        for (AskKind kind : AskKind.values()) {
            views.put(kind, new ArrayList<>());
        }
        for (Ask ask : asks.live(language)) {
            views.get(ask.kind()).add(view(ask, language));
        }
        return new AskPage(language, pages.texts(language), pages.site().name(language), AskPaths.support(language),
                AskPaths.CHECKOUT, askSettings, views.get(AskKind.NOTICE), views.get(AskKind.BANNER),
                views.get(AskKind.STORY), views.get(AskKind.MODAL), settings.current().note(language),
                settings.current().goalAmount().signum() > 0, gate.source());
    }

    private Map<PagePart.Place, String> render(Language language) {
        AskPage page = page(language);
        Map<PagePart.Place, String> html = new EnumMap<>(PagePart.Place.class);
        html.put(PagePart.Place.TOP, render("revenue/asks/top.jte", page));
        html.put(PagePart.Place.STORY_END, render("revenue/asks/story.jte", page));
        html.put(PagePart.Place.BODY_END, render("revenue/asks/end.jte", page));
        return html;
    }

    private String render(String template, AskPage page) {
        StringOutput out = new StringOutput();
        templates.render(template, page, out);
        return out.toString();
    }

    private AskView view(Ask ask, Language language) {
        List<AskView.Preset> presets = new ArrayList<>();
        List<String> currencies = new ArrayList<>();
        for (String frequency : AskRules.FREQUENCIES) {
            SuggestedAmounts.parse(ask.amounts(frequency)).orElse(SuggestedAmounts.NONE).byCurrency()
                    .forEach((currency, amounts) -> {
                        if (!currencies.contains(currency)) {
                            currencies.add(currency);
                        }
                        amounts.forEach(amount -> presets.add(new AskView.Preset(frequency, currency, amount)));
                    });
        }
        if (currencies.isEmpty()) {
            currencies.addAll(options.currencies());
        }
        List<String> methods = AskRules.methods(ask.methods()).stream().filter(options.methods()::contains).toList();
        return new AskView(ask.id(), ask.kind().code(), ask.headline(), markdown.toHtml(ask.body()), ask.signature(),
                ask.button(), ask.showGoal(), currencies.stream().filter(options.currencies()::contains)
                        .map(code -> currency(code, language)).toList(), presets,
                methods.isEmpty() ? options.methods() : methods);
    }

    private AskView.Currency currency(String code, Language language) {
        int digits = options.minorDigits(code);
        long min = options.minimumMinor(code);
        long max = options.maximumMinor(code);
        return new AskView.Currency(code, BigDecimal.valueOf(min, digits).toPlainString(),
                BigDecimal.valueOf(max, digits).toPlainString(), pages.texts(language).get("asks.range",
                        options.format(min, code, language), options.format(max, code, language)));
    }
}
