package org.samizdat.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samizdat.SamizdatApplication;
import org.samizdat.support.LocalPostgres;
import org.samizdat.support.Requirements;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The documented backup and restore procedure, run for real: ops/backup.sh, then ops/restore-check.sh on the archive. */
class BackupRestoreTest {

    @TempDir
    static Path dir;

    static String schema;

    @BeforeAll
    static void newsroomOnPostgres() throws Exception {
        LocalPostgres.requireInPostgresPass();
        Requirements.require(new File("/usr/bin/pg_dump").canExecute() && new File("/usr/bin/pg_restore").canExecute(),
                "PostgreSQL client tools (pg_dump, pg_restore)");
        schema = LocalPostgres.createSchema("backup");
        SpringApplication app = new SpringApplication(SamizdatApplication.class);
        try (ConfigurableApplicationContext context = app.run("--server.port=0", "--spring.profiles.active=test",
                "--samizdat.data-dir=" + dir.resolve("data"), "--samizdat.demo-content=true",
                "--spring.datasource.url=" + LocalPostgres.urlFor(schema), "--spring.flyway.schemas=" + schema,
                "--spring.datasource.username=postgres", "--spring.datasource.password=")) {
            assertThat(context.isRunning()).isTrue();
        }
    }

    @AfterAll
    static void dropSchema() throws Exception {
        if (schema != null) {
            LocalPostgres.dropSchema(schema);
        }
    }

    @Test
    void aBackupRestoresIntoAFreshDatabaseWithEveryRow() throws Exception {
        Path archive = dir.resolve("newsroom.dump");
        Run backup = run("ops/backup.sh", "--schema", schema, archive.toString());
        assertThat(backup.status()).as(backup.output()).isZero();
        assertThat(backup.output()).contains("backup written");

        Run check = run("ops/restore-check.sh", archive.toString());
        assertThat(check.status()).as(check.output()).isZero();
        assertThat(check.output()).containsPattern("ok\\s+" + schema + "\\.story\\s+[1-9]\\d* rows")
                .containsPattern("ok\\s+" + schema + "\\.media\\s+\\d+ rows")
                .containsPattern("restore check passed: \\d+ tables, schema version \\d+")
                .doesNotContain("DIFF");
    }

    @Test
    void aDamagedArchiveFailsTheCheck() throws Exception {
        Path archive = dir.resolve("damaged.dump");
        assertThat(run("ops/backup.sh", "--schema", schema, archive.toString()).status()).isZero();
        byte[] bytes = Files.readAllBytes(archive);
        Files.write(archive, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        Run check = run("ops/restore-check.sh", archive.toString());
        assertThat(check.status()).as(check.output()).isNotZero();
        assertThat(check.output()).doesNotContain("restore check passed");
    }

    @Test
    void aMissingArchiveIsNamed() throws Exception {
        Run check = run("ops/restore-check.sh", dir.resolve("nowhere.dump").toString());
        assertThat(check.status()).isEqualTo(2);
        assertThat(check.output()).contains("cannot read");
    }

    record Run(int status, String output) {
    }

    private static Run run(String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(List.of(command)).redirectErrorStream(true);
        builder.environment().put("PGHOST", "127.0.0.1");
        builder.environment().put("PGPORT", "5432");
        builder.environment().put("PGUSER", "postgres");
        builder.environment().put("PGDATABASE", "test");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), output);
    }
}
