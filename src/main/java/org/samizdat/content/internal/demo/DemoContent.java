package org.samizdat.content.internal.demo;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.samizdat.shared.web.SiteProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At startup, seeds the demo newsroom when {@code samizdat.demo-content} is true, or when it is unset and
 * the database is the embedded H2 one; then adds {@code samizdat.demo.generate-stories} synthetic stories
 * for benchmarks when that is above zero. Runs before the application reports itself ready.
 */
@Component
class DemoContent implements ApplicationRunner {

    private final SiteProperties site;
    private final DataSource dataSource;
    private final DemoSeeder seeder;
    private final DemoBulkStories bulk;
    private final int generateStories;

    DemoContent(SiteProperties site, DataSource dataSource, DemoSeeder seeder, DemoBulkStories bulk,
            @Value("${samizdat.demo.generate-stories:0}") int generateStories) {
        this.site = site;
        this.dataSource = dataSource;
        this.seeder = seeder;
        this.bulk = bulk;
        this.generateStories = generateStories;
    }

    @Override
    public void run(ApplicationArguments args) throws SQLException {
        if (wanted(site.demoContent(), databaseUrl())) {
            seeder.seed();
        }
        if (generateStories > 0) {
            bulk.generate(generateStories);
        }
    }

    /** An explicit setting wins; otherwise only the zero-setup embedded database gets demo stories. */
    static boolean wanted(Boolean setting, String databaseUrl) {
        if (setting != null) {
            return setting;
        }
        return databaseUrl != null && databaseUrl.startsWith("jdbc:h2:");
    }

    private String databaseUrl() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getURL();
        }
    }
}
