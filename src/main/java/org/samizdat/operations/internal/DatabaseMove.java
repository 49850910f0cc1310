package org.samizdat.operations.internal;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Copies every table from a source database into a fresh target: migrates the target to the same schema
 * version, copies rows in an order that satisfies foreign keys (self-references filled in afterwards),
 * moves identity counters past the copied ids, then compares each table's count and checksum.
 */
public final class DatabaseMove {

    private static final int BATCH = 500;

    private final Connection source;
    private final Connection target;
    private final PrintStream out;

    public DatabaseMove(Connection source, Connection target, PrintStream out) {
        this.source = source;
        this.target = target;
        this.out = out;
    }

    /** Moves and verifies; true when every table matches. */
    public boolean run() throws SQLException {
        String sourceVersion = schemaVersion(source);
        if (sourceVersion == null) {
            throw new IllegalStateException("The source has no Samizdat schema");
        }
        if (schemaVersion(target) != null) {
            throw new IllegalStateException("The target already has a Samizdat schema; give an empty database or schema");
        }
        migrate(target);
        if (!sourceVersion.equals(schemaVersion(target))) {
            throw new IllegalStateException("The source is at schema version " + sourceVersion + " and this version of Samizdat at "
                    + schemaVersion(target) + "; start the app once on the source database to bring it up to date");
        }
        List<Table> tables = Table.inDependencyOrder(Table.all(target));
        target.setAutoCommit(false);
        List<Table> reversed = new ArrayList<>(tables);
        java.util.Collections.reverse(reversed);
        for (Table table : reversed) {
            try (Statement statement = target.createStatement()) {
                statement.executeUpdate("DELETE FROM " + table.name());
            }
        }
        for (Table table : tables) {
            out.printf("copying %-28s %8d rows%n", table.name(), copy(table));
        }
        resetIdentities(tables);
        target.commit();
        target.setAutoCommit(true);
        return verify(tables);
    }

    /** Compares an earlier copy with its source without changing either; true when every table matches. */
    public boolean verifyOnly() throws SQLException {
        return verify(Table.all(target));
    }

    /** Compares counts and checksums of every table on both sides, printing one line per table. */
    boolean verify(List<Table> tables) throws SQLException {
        boolean same = true;
        for (Table table : tables) {
            Fingerprint from = fingerprint(source, table);
            Fingerprint to = fingerprint(target, table);
            boolean match = from.equals(to);
            same &= match;
            out.printf("%-5s %-28s %8d rows  sha256 %s%s%n", match ? "ok" : "DIFF", table.name(), to.rows(),
                    to.sha256().substring(0, 16), match ? "" : "  (source: " + from.rows() + " rows, " + from.sha256().substring(0, 16) + ")");
        }
        out.println(same ? "Every table matches its source." : "Some tables differ from their source.");
        return same;
    }

    record Fingerprint(long rows, String sha256) {
    }

    static Fingerprint fingerprint(Connection connection, Table table) throws SQLException {
        MessageDigest digest = sha256();
        long rows = 0;
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT " + table.columnList() + " FROM " + table.name()
                     + " ORDER BY " + table.ordering())) {
            while (rs.next()) {
                rows++;
                for (int i = 0; i < table.columns().size(); i++) {
                    digest.update(Values.canonical(Values.read(rs, i + 1, table.columns().get(i))).getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 0x1f);
                }
                digest.update((byte) 0x1e);
            }
        }
        return new Fingerprint(rows, HexFormat.of().formatHex(digest.digest()));
    }

    private long copy(Table table) throws SQLException {
        List<Table.Column> columns = table.columns();
        String marks = String.join(", ", columns.stream().map(c -> "?").toList());
        List<Object[]> selfReferences = new ArrayList<>();
        long rows = 0;
        try (Statement read = source.createStatement();
             ResultSet rs = read.executeQuery("SELECT " + table.columnList() + " FROM " + table.name() + " ORDER BY " + table.ordering());
             PreparedStatement insert = target.prepareStatement("INSERT INTO " + table.name() + " (" + table.columnList() + ") VALUES (" + marks + ")")) {
            while (rs.next()) {
                for (int i = 0; i < columns.size(); i++) {
                    Object value = Values.read(rs, i + 1, columns.get(i));
                    if (value != null && table.selfReferences().contains(columns.get(i).name())) {
                        selfReferences.add(new Object[] {columns.get(i).name(), value, keyOf(rs, table)});
                        value = null;
                    }
                    Values.write(insert, i + 1, value);
                }
                insert.addBatch();
                if (++rows % BATCH == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        for (Object[] reference : selfReferences) {
            try (PreparedStatement update = target.prepareStatement("UPDATE " + table.name() + " SET " + reference[0]
                    + " = ? WHERE " + table.primaryKey().get(0) + " = ?")) {
                Values.write(update, 1, reference[1]);
                Values.write(update, 2, reference[2]);
                update.executeUpdate();
            }
        }
        return rows;
    }

    private static Object keyOf(ResultSet rs, Table table) throws SQLException {
        if (table.primaryKey().size() != 1) {
            throw new IllegalStateException("Table " + table.name() + " refers to itself without a one-column key");
        }
        return rs.getObject(table.primaryKey().get(0));
    }

    private void resetIdentities(List<Table> tables) throws SQLException {
        boolean postgres = target.getMetaData().getDatabaseProductName().equals("PostgreSQL");
        for (Table table : tables) {
            for (Table.Column column : table.columns()) {
                if (!column.identity()) {
                    continue;
                }
                long next;
                try (Statement statement = target.createStatement();
                     ResultSet rs = statement.executeQuery("SELECT COALESCE(MAX(" + column.name() + "), 0) + 1 FROM " + table.name())) {
                    rs.next();
                    next = rs.getLong(1);
                }
                try (Statement statement = target.createStatement()) {
                    statement.execute(postgres
                            ? "SELECT setval(pg_get_serial_sequence('" + table.name() + "', '" + column.name() + "'), " + next + ", false)"
                            : "ALTER TABLE " + table.name() + " ALTER COLUMN " + column.name() + " RESTART WITH " + next);
                }
            }
        }
    }

    private static void migrate(Connection connection) throws SQLException {
        Flyway.configure()
                .dataSource(new SingleConnectionDataSource(connection, true))
                .schemas(connection.getSchema())
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    private static String schemaVersion(Connection connection) throws SQLException {
        boolean exists;
        try (ResultSet rs = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(), "flyway_schema_history", null)) {
            exists = rs.next();
        }
        if (!exists) {
            return null;
        }
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL"
                     + " ORDER BY installed_rank DESC")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
