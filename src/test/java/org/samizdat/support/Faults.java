package org.samizdat.support;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Faults the tests inflict on the machine's own services. They disturb everything else using those services,
 * so they run only when asked ({@code -Dsamizdat.faults=true}, which CI sets); otherwise the tests skip with a notice.
 */
public final class Faults {

    private Faults() {
    }

    public static void requireAllowed() {
        Requirements.require(Boolean.getBoolean("samizdat.faults"), "permission to restart local services (-Dsamizdat.faults=true)");
    }

    /** Restarts the local PostgreSQL cluster and waits for the command to finish. */
    public static void restartPostgres() throws Exception {
        String[] versions = new File("/etc/postgresql").list();
        Requirements.require(versions != null && versions.length == 1 && new File("/usr/bin/pg_ctlcluster").canExecute(),
                "a local PostgreSQL cluster controlled by pg_ctlcluster");
        Process restart = new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", versions[0], "main", "restart")
                .redirectErrorStream(true).start();
        String output = new String(restart.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!restart.waitFor(2, TimeUnit.MINUTES) || restart.exitValue() != 0) {
            throw new AssertionError("Could not restart PostgreSQL: " + output);
        }
    }
}
