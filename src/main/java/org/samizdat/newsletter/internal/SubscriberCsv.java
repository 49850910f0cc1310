package org.samizdat.newsletter.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * CSV (RFC 4180) for subscriber lists. Writing: a cell starting with {@code = + - @}, a tab or a carriage return gets
 * a leading apostrophe so spreadsheets show it as text instead of running it as a formula (the same rule as the
 * donations export in {@code revenue.internal.Csv}). Reading: quoted cells, doubled quotes and line breaks inside
 * quotes, each record with the line it starts on; that leading apostrophe is taken off again.
 */
public final class SubscriberCsv {

    /** One record and the (1-based) line of the file it starts on. */
    public record Line(int number, List<String> cells) {
    }

    private SubscriberCsv() {
    }

    public static String row(List<?> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(cells.get(i)));
        }
        return line.append("\r\n").toString();
    }

    public static String cell(Object value) {
        String text = value == null ? "" : value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    /** The records of a CSV text; blank lines are skipped. An unclosed quote runs to the end of the text. */
    public static List<Line> parse(String text) {
        List<Line> lines = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int start = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == ',' || c == ';') {
                cells.add(unprotect(cell.toString()));
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                end(lines, cells, cell, start);
                cells = new ArrayList<>();
                line++;
                start = line;
            } else {
                cell.append(c);
            }
        }
        end(lines, cells, cell, start);
        return lines;
    }

    private static void end(List<Line> lines, List<String> cells, StringBuilder cell, int start) {
        cells.add(unprotect(cell.toString()));
        cell.setLength(0);
        if (!(cells.size() == 1 && cells.get(0).isBlank())) {
            lines.add(new Line(start, List.copyOf(cells)));
        }
    }

    private static String unprotect(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && "=+-@\t\r".indexOf(cell.charAt(1)) >= 0
                ? cell.substring(1) : cell;
    }
}
