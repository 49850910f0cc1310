package org.samizdat.operations.internal;

import java.math.BigDecimal;
import java.sql.Clob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.HexFormat;

/** Reads and writes column values the same way on H2 and PostgreSQL, and spells them out for checksums. */
final class Values {

    private Values() {
    }

    static Object read(ResultSet rs, int index, Table.Column column) throws SQLException {
        if (column.withTimeZone()) {
            return rs.getObject(index, OffsetDateTime.class);
        }
        if (column.timestamp()) {
            return rs.getObject(index, LocalDateTime.class);
        }
        if (column.binary()) {
            return rs.getBytes(index);
        }
        Object value = rs.getObject(index);
        if (value instanceof Clob clob) {
            return clob.getSubString(1, (int) clob.length());
        }
        return value;
    }

    static void write(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value instanceof byte[] bytes) {
            statement.setBytes(index, bytes);
        } else {
            statement.setObject(index, value);
        }
    }

    /** A spelling of the value that is equal for equal values read from either database. */
    static String canonical(Object value) {
        if (value == null) {
            return "\u0000null";
        }
        if (value instanceof byte[] bytes) {
            return HexFormat.of().formatHex(bytes);
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant().toString();
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }
}
