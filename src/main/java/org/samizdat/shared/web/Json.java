package org.samizdat.shared.web;

import java.util.Iterator;
import java.util.Map;

/**
 * A tiny JSON writer for JSON-LD blocks. It escapes {@code <}, {@code >} and {@code &} as well, so the
 * output can sit inside a {@code <script>} element without ever closing it. Maps without an order of their own
 * ({@code Map.of}, whose order changes from one JVM to the next) are written with their keys sorted, so the same
 * content gives the same bytes in every run (a static mirror's files and checksums depend on it).
 */
public final class Json {

    private Json() {
    }

    /** Serialises maps, iterables, strings, numbers, booleans and null. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value);
        return out.toString();
    }

    private static void append(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            Iterator<? extends Map.Entry<?, ?>> it = stable(map).iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                string(out, String.valueOf(e.getKey()));
                out.append(':');
                append(out, e.getValue());
                if (it.hasNext()) {
                    out.append(',');
                }
            }
            out.append('}');
        } else if (value instanceof Iterable<?> list) {
            out.append('[');
            boolean first = true;
            for (Object item : list) {
                if (!first) {
                    out.append(',');
                }
                append(out, item);
                first = false;
            }
            out.append(']');
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else {
            string(out, value.toString());
        }
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static Iterable<? extends Map.Entry<?, ?>> stable(Map<?, ?> map) {
        if (map instanceof java.util.LinkedHashMap<?, ?> || map instanceof java.util.SortedMap<?, ?>) {
            return map.entrySet();
        }
        return map.entrySet().stream().sorted(java.util.Comparator.comparing(e -> String.valueOf(e.getKey()))).toList();
    }
}
