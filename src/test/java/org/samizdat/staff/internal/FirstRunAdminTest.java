package org.samizdat.staff.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.samizdat.shared.web.SiteProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A fresh database gets one admin whose password is shown once; a second start changes nothing. */
class FirstRunAdminTest {

    @Test
    void createsTheAdminOnceAndShowsThePasswordOnce() {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
        StaffAccounts accounts = new StaffAccounts(JdbcClient.create(db), Clock.systemUTC());
        PasswordEncoder encoder = new StaffSecurity().passwordEncoder();
        FirstRunAdmin firstRun = new FirstRunAdmin(accounts, encoder,
                new SiteProperties(null, null, null, null, null, false));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);

        Optional<String> password = firstRun.createIfNoStaff(out);

        assertThat(password).isPresent();
        assertThat(password.get()).hasSizeGreaterThanOrEqualTo(20);
        String shown = console.toString(StandardCharsets.UTF_8);
        assertThat(shown).contains("First-run newsroom sign-in: http://localhost:8080/newsroom user admin password "
                + password.get() + " — change it after signing in", "╔", "╚");
        var admin = accounts.findByUsername("admin").orElseThrow();
        assertThat(admin.role()).isEqualTo(org.samizdat.staff.Role.ADMIN);
        assertThat(encoder.matches(password.get(), accounts.passwordHash(admin.id()).orElseThrow())).isTrue();

        assertThat(firstRun.createIfNoStaff(out)).isEmpty();
        assertThat(console.toString(StandardCharsets.UTF_8)).isEqualTo(shown);
        assertThat(accounts.count()).isEqualTo(1);
    }

    @Test
    void doesNothingWhenStaffExists() {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
        StaffAccounts accounts = new StaffAccounts(JdbcClient.create(db), Clock.systemUTC());
        accounts.insert("editor", "Editor", org.samizdat.staff.Role.EDITOR, "{noop}x");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        FirstRunAdmin firstRun = new FirstRunAdmin(accounts, new StaffSecurity().passwordEncoder(),
                new SiteProperties(null, null, null, null, null, false));
        assertThat(firstRun.createIfNoStaff(new PrintStream(console))).isEmpty();
        assertThat(console.size()).isZero();
        assertThat(accounts.findByUsername("admin")).isEmpty();
    }
}
