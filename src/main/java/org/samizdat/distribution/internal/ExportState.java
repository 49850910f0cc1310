package org.samizdat.distribution.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the next incremental export needs to know about this one ({@code export-state.txt}, listed in the
 * manifest like any file): the build that rendered it, the catalogue it saw, every live story's id, publication
 * time and file, and which stories each page links to. A changed story then re-renders exactly the pages that
 * show it.
 */
record ExportState(String version, String catalogue, SortedMap<Long, Story> stories,
        SortedMap<String, List<Long>> links) {

    static final String FILE = "export-state.txt";
    private static final String FORMAT = "samizdat-export-state/1";

    /** One live story as exported: when it was published (epoch milliseconds) and its file. */
    record Story(long publishedAt, String file) {
    }

    byte[] bytes() {
        StringBuilder out = new StringBuilder(64 * (stories.size() + links.size()));
        out.append(FORMAT).append('\n').append("version\t").append(version).append('\n')
                .append("catalogue\t").append(catalogue).append('\n');
        stories.forEach((id, s) -> out.append("story\t").append(id).append('\t').append(s.publishedAt()).append('\t')
                .append(s.file()).append('\n'));
        for (Map.Entry<String, List<Long>> page : links.entrySet()) {
            out.append("page\t").append(page.getKey()).append('\t');
            List<Long> ids = page.getValue();
            for (int i = 0; i < ids.size(); i++) {
                out.append(i == 0 ? "" : ",").append(ids.get(i));
            }
            out.append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The state in these bytes, or null when they are not a state file of this format. */
    static ExportState parse(byte[] bytes) {
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n");
        if (lines.length < 3 || !lines[0].equals(FORMAT) || !lines[1].startsWith("version\t")
                || !lines[2].startsWith("catalogue\t")) {
            return null;
        }
        SortedMap<Long, Story> stories = new TreeMap<>();
        SortedMap<String, List<Long>> links = new TreeMap<>();
        try {
            for (int i = 3; i < lines.length; i++) {
                String[] f = lines[i].split("\t", -1);
                if (f[0].equals("story") && f.length == 4) {
                    stories.put(Long.parseLong(f[1]), new Story(Long.parseLong(f[2]), f[3]));
                } else if (f[0].equals("page") && f.length == 3) {
                    List<Long> ids = new ArrayList<>();
                    for (String id : f[2].split(",")) {
                        ids.add(Long.parseLong(id));
                    }
                    links.put(f[1], ids);
                } else {
                    return null;
                }
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return new ExportState(lines[1].substring(8), lines[2].substring(10), stories, links);
    }
}
