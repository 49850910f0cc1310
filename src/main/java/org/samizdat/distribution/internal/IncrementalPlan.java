package org.samizdat.distribution.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which files an incremental export must render again, from the previous manifest and state and the stories
 * touched since (changed, new or gone). A touched story re-renders its own page and every page that linked to it
 * (listing pages, the home pages, other stories' "Read more"); a story that joined or left a listing, or moved in
 * it, re-renders every page of that listing, since the cards after it shift; the feeds of its listings are read
 * again. Every file that is neither a story, a listing, a photo nor the search index (home pages, edition feeds,
 * reach and privacy pages, the mirror list, assets) is always read again: a few dozen requests.
 */
final class IncrementalPlan {

    private static final Pattern LISTING_FILE = Pattern.compile("((en|ru)/(sections|tags|authors)/[^/]+)/[^/]+");

    /** The addresses to fetch, the files to carry over unread, and the stories of the new export. */
    record Result(Set<String> fetch, List<String> carry, SortedMap<Long, ExportState.Story> stories,
            Set<Long> touched) {
    }

    /** A live story the previous export did not have in this form: its file, publication time and listings. */
    record Changed(long id, String file, long publishedAt, Set<String> listings) {
    }

    private IncrementalPlan() {
    }

    /**
     * @param liveIds every live story now
     * @param changed the live stories changed since the previous export or not in it
     * @param listings the listing folders (such as {@code en/tags/x}) a changed story belongs to now
     */
    static Result plan(Manifest previous, ExportState state, Set<Long> liveIds, List<Changed> changed,
            LongFunction<Set<String>> listings) {
        SortedMap<Long, ExportState.Story> stories = new TreeMap<>(state.stories());
        Set<Long> touched = new HashSet<>();
        for (Long id : state.stories().keySet()) {
            if (!liveIds.contains(id)) {
                stories.remove(id);
                touched.add(id);
            }
        }
        Set<String> dirty = new LinkedHashSet<>();
        for (Changed story : changed) {
            touched.add(story.id());
            stories.put(story.id(), new ExportState.Story(story.publishedAt(), story.file()));
            dirty.add(story.file());
        }
        Map<Long, Set<String>> oldListings = new java.util.HashMap<>();
        state.links().forEach((page, ids) -> {
            boolean shows = false;
            for (Long id : ids) {
                if (touched.contains(id)) {
                    shows = true;
                    String dir = listingDir(page);
                    if (dir != null) {
                        oldListings.computeIfAbsent(id, k -> new HashSet<>()).add(dir);
                    }
                }
            }
            if (shows) {
                dirty.add(page);
            }
        });
        Set<String> shifted = new HashSet<>();
        Set<String> feedsOnly = new HashSet<>();
        Map<Long, Changed> byId = new java.util.HashMap<>();
        changed.forEach(c -> byId.put(c.id(), c));
        for (Long id : touched) {
            Set<String> before = oldListings.getOrDefault(id, Set.of());
            Changed now = byId.get(id);
            ExportState.Story was = state.stories().get(id);
            if (now == null || was == null || was.publishedAt() != now.publishedAt()
                    || !before.equals(now.listings())) {
                shifted.addAll(before);
                if (now != null) {
                    shifted.addAll(now.listings());
                }
            } else {
                feedsOnly.addAll(before);
            }
        }
        Set<String> fetch = new LinkedHashSet<>();
        List<String> carry = new ArrayList<>();
        Set<String> storyFiles = new HashSet<>();
        stories.values().forEach(s -> storyFiles.add(s.file()));
        for (String file : previous.files().keySet()) {
            String dir = listingDir(file);
            if (file.equals(ExportState.FILE) || file.contains("/search/") || file.equals(StaticSearch.SCRIPT)) {
                continue;
            } else if (SitePaths.isStory(file)) {
                if (storyFiles.contains(file) && !dirty.contains(file)) {
                    carry.add(file);
                }
            } else if (SitePaths.isMedia(file)) {
                carry.add(file);
            } else if (dir == null || dirty.contains(file) || shifted.contains(dir)
                    || feedsOnly.contains(dir) && !file.endsWith(".html")) {
                fetch.add(SitePaths.address(file));
            } else {
                carry.add(file);
            }
        }
        dirty.forEach(file -> fetch.add(SitePaths.address(file)));
        return new Result(fetch, carry, stories, touched);
    }

    /** The listing folder a file lies in ({@code en/tags/x} for {@code en/tags/x/page-2.html}), or null. */
    static String listingDir(String file) {
        Matcher m = LISTING_FILE.matcher(file);
        return m.matches() ? m.group(1) : null;
    }
}
