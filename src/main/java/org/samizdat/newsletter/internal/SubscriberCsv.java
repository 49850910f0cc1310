package org.samizdat.newsletter.internal;

import java.util.ArrayList;
import java.util.List;
import org.samizdat.shared.Csv;

/**
 * Reading subscriber lists as CSV (RFC 4180): quoted cells, doubled quotes and line breaks inside quotes, each record
 * with the line it starts on; the apostrophe {@link Csv} puts before formula-like cells on export is taken off again.
 */
public final class SubscriberCsv {

    /** One record and the (1-based) line of the file it starts on. */
    public record Line(int number, List<String> cells) {
    }

    private SubscriberCsv() {
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
                cells.add(Csv.unprotect(cell.toString()));
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
        cells.add(Csv.unprotect(cell.toString()));
        cell.setLength(0);
        if (!(cells.size() == 1 && cells.get(0).isBlank())) {
            lines.add(new Line(start, List.copyOf(cells)));
        }
    }
}
