package org.samizdat.operations;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.samizdat.operations.internal.DatabaseMove;

/**
 * The {@code move-database} command: copies a newsroom from one database to another (typically the embedded
 * H2 file to a fresh PostgreSQL database), then compares row counts and checksums of every table and exits
 * non-zero on any difference. Runs without starting the web service; the source must not be in use.
 */
public final class MoveDatabase {

    public static final String COMMAND = "move-database";

    private MoveDatabase() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && COMMAND.equals(args[0]);
    }

    /** Runs the command and returns the process exit status. */
    public static int run(String[] args, PrintStream out) {
        Map<String, String> options = options(args);
        String from = options.getOrDefault("from", "jdbc:h2:file:" + options.getOrDefault("data-dir", "./data")
                + "/samizdat;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE;IFEXISTS=TRUE");
        String to = options.get("to");
        if (to == null || options.containsKey("help")) {
            out.println("Usage: java -jar samizdat.jar " + COMMAND + " --to JDBC_URL [--to-user U] [--to-password P]"
                    + " [--from JDBC_URL | --data-dir DIR] [--from-user U] [--from-password P] [--verify-only]");
            out.println("Copies every table into the target (migrated first; it must be empty), then verifies counts and checksums.");
            out.println("With --verify-only, only compares an earlier copy with its source.");
            return to == null && !options.containsKey("help") ? 2 : 0;
        }
        try (Connection source = DriverManager.getConnection(from, options.getOrDefault("from-user", "sa"),
                options.getOrDefault("from-password", ""));
             Connection target = DriverManager.getConnection(to, options.getOrDefault("to-user", ""),
                     options.getOrDefault("to-password", ""))) {
            DatabaseMove move = new DatabaseMove(source, target, out);
            return (options.containsKey("verify-only") ? move.verifyOnly() : move.run()) ? 0 : 1;
        } catch (SQLException | IllegalStateException e) {
            out.println("move-database failed: " + e.getMessage());
            return 1;
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                continue;
            }
            int eq = arg.indexOf('=');
            if (eq > 0) {
                options.put(arg.substring(2, eq), arg.substring(eq + 1));
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                options.put(arg.substring(2), args[++i]);
            } else {
                options.put(arg.substring(2), "");
            }
        }
        return options;
    }
}
