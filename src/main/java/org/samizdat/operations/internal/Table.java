package org.samizdat.operations.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** One table as the database describes it: columns, primary key, identity columns and what it references. */
record Table(String name, List<Column> columns, List<String> primaryKey, Set<String> references, List<String> selfReferences) {

    /** A column with its type name, which decides how values are read and written. */
    record Column(String name, String typeName, boolean identity) {

        boolean withTimeZone() {
            String type = typeName.toLowerCase(Locale.ROOT);
            return type.contains("timestamptz") || type.contains("with time zone");
        }

        boolean timestamp() {
            return typeName.toLowerCase(Locale.ROOT).startsWith("timestamp");
        }

        boolean binary() {
            String type = typeName.toLowerCase(Locale.ROOT);
            return type.equals("bytea") || type.contains("binary") || type.contains("blob");
        }
    }

    /** Every table of the connection's schema except Flyway's own history. */
    static List<Table> all(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String schema = connection.getSchema();
        List<Table> tables = new ArrayList<>();
        try (ResultSet rs = meta.getTables(connection.getCatalog(), schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (!name.equalsIgnoreCase("flyway_schema_history")) {
                    tables.add(describe(meta, connection.getCatalog(), schema, name));
                }
            }
        }
        return tables;
    }

    private static Table describe(DatabaseMetaData meta, String catalog, String schema, String name) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(catalog, schema, name, "%")) {
            while (rs.next()) {
                columns.add(new Column(rs.getString("COLUMN_NAME"), rs.getString("TYPE_NAME"),
                        "YES".equals(rs.getString("IS_AUTOINCREMENT"))));
            }
        }
        List<String> key = new ArrayList<>();
        try (ResultSet rs = meta.getPrimaryKeys(catalog, schema, name)) {
            while (rs.next()) {
                key.add(rs.getString("COLUMN_NAME"));
            }
        }
        Set<String> references = new LinkedHashSet<>();
        List<String> selfReferences = new ArrayList<>();
        try (ResultSet rs = meta.getImportedKeys(catalog, schema, name)) {
            while (rs.next()) {
                String parent = rs.getString("PKTABLE_NAME");
                if (parent.equalsIgnoreCase(name)) {
                    selfReferences.add(rs.getString("FKCOLUMN_NAME"));
                } else {
                    references.add(parent.toLowerCase(Locale.ROOT));
                }
            }
        }
        return new Table(name.toLowerCase(Locale.ROOT), columns, key, references, selfReferences);
    }

    /** The column list for SQL, in the order of {@link #columns}. */
    String columnList() {
        return String.join(", ", columns.stream().map(Column::name).toList());
    }

    /** An ORDER BY that makes a table's rows come out the same way on every database. */
    String ordering() {
        return primaryKey.isEmpty() ? columnList() : String.join(", ", primaryKey);
    }

    /** Tables ordered so that each comes after every table it references. */
    static List<Table> inDependencyOrder(List<Table> tables) {
        List<Table> ordered = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        List<Table> left = new ArrayList<>(tables);
        while (!left.isEmpty()) {
            List<Table> ready = left.stream().filter(t -> done.containsAll(t.references())).toList();
            if (ready.isEmpty()) {
                throw new IllegalStateException("Tables reference each other in a cycle: "
                        + left.stream().map(Table::name).toList());
            }
            ready.forEach(t -> done.add(t.name()));
            ordered.addAll(ready);
            left.removeAll(ready);
        }
        return ordered;
    }
}
