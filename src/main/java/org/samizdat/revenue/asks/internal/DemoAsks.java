package org.samizdat.revenue.asks.internal;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.samizdat.revenue.asks.Ask;
import org.samizdat.revenue.asks.AskKind;
import org.samizdat.revenue.asks.AskRules;
import org.samizdat.shared.Language;
import org.samizdat.shared.web.SiteProperties;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Seeds demo asks in both languages wherever the demo stories are seeded (the embedded database unless
 * {@code samizdat.demo-content} says otherwise) and no ask exists yet, so a fresh start shows banner and dialog.
 */
@Component
class DemoAsks implements ApplicationRunner {

    private final SiteProperties site;
    private final DataSource dataSource;
    private final AskRepository repository;
    private final Asks asks;

    DemoAsks(SiteProperties site, DataSource dataSource, AskRepository repository, Asks asks) {
        this.site = site;
        this.dataSource = dataSource;
        this.repository = repository;
        this.asks = asks;
    }

    @Override
    public void run(ApplicationArguments args) throws SQLException {
        boolean wanted = site.demoContent() != null ? site.demoContent() : databaseUrl().startsWith("jdbc:h2:");
        if (!wanted || repository.any()) {
            return;
        }
        String methods = String.join(" ", AskRules.KNOWN_METHODS);
        String amounts = asks.options().currencies().isEmpty() ? "USD" : asks.options().currencies().get(0);
        seed(Language.EN, "Our journalism is banned at home. We need your help to keep reporting.",
                "No ads since 2022.", "Running this site costs **$10,000 a month**. Readers like you fill the gap.",
                "Dear reader, we are a small newsroom in exile. We carry no ads and take no money from governments: "
                        + "readers keep us going. If our reporting matters to you, please support it.",
                "The editors", "Every story here is free to read. Help keep it that way.", methods, amounts);
        seed(Language.RU, "Наша журналистика запрещена на родине. Нам нужна ваша помощь, чтобы продолжать работу.",
                "Без рекламы с 2022 года.", "Работа сайта стоит **$10 000 в месяц**. Читатели помогают покрыть расходы.",
                "Дорогой читатель, мы — небольшая редакция в изгнании. У нас нет рекламы и денег от государств: "
                        + "нас поддерживают читатели. Если наша работа вам важна, поддержите её.",
                "Редакция", "Все материалы здесь бесплатны. Помогите сохранить это.", methods, amounts);
    }

    private void seed(Language language, String notice, String headline, String banner, String letter, String signature,
            String story, String methods, String currency) {
        asks.save(new Ask(0, AskKind.NOTICE, language, "Demo notice", true, "", notice, "", "", "", "", "", "", false));
        asks.save(new Ask(0, AskKind.BANNER, language, "Demo banner", true, headline, banner, "", "", "", "", "", "", true));
        asks.save(new Ask(0, AskKind.MODAL, language, "Demo letter", true, "", letter, signature, "",
                currency + " 10 25 50", currency + " 5 10 20", currency + " 50 100 200", methods, false));
        asks.save(new Ask(0, AskKind.STORY, language, "Demo story ask", true, "", story, "", "", "", "", "", "", false));
    }

    private String databaseUrl() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return String.valueOf(connection.getMetaData().getURL());
        }
    }
}
