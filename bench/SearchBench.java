import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Search latency over HTTP for a fixed set of 200 queries (100 English, 100 Russian, one to three words drawn
 * with a fixed seed from the demo stories), against a baseline of the same page with no query (same HTTP,
 * layout and rendering, no Lucene). Usage: java bench/SearchBench.java BASE_URL DEMO_DIR [ROUNDS]
 */
public class SearchBench {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        Path demo = Path.of(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<String> queries = new ArrayList<>();
        queries.addAll(queries(Files.readString(demo.resolve("stories-en.md")), "[A-Za-z]{5,}", 100, 1));
        queries.addAll(queries(Files.readString(demo.resolve("stories-ru.md")), "[А-Яа-яЁё]{5,}", 100, 2));
        HttpClient http = HttpClient.newHttpClient();
        for (String q : queries) {
            get(http, base + "/en/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        }
        for (int i = 0; i < 50; i++) {
            get(http, base + "/en/search");
        }
        long[] search = new long[queries.size() * rounds];
        long[] baseline = new long[queries.size() * rounds];
        int n = 0;
        long hits = 0;
        for (int r = 0; r < rounds; r++) {
            for (String q : queries) {
                long t0 = System.nanoTime();
                String body = get(http, base + "/en/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
                search[n] = System.nanoTime() - t0;
                hits += body.contains("<ol class=\"results\"") ? 1 : 0;
                t0 = System.nanoTime();
                get(http, base + "/en/search");
                baseline[n++] = System.nanoTime() - t0;
            }
        }
        System.out.printf("queries: %d x %d rounds, %d%% with results%n", queries.size(), rounds, hits * 100 / n);
        report("search", search);
        report("baseline (empty query page)", baseline);
        System.out.printf("ratio p50 %.1fx  p95 %.1fx  p99 %.1fx%n", ratio(search, baseline, 50), ratio(search, baseline, 95),
                ratio(search, baseline, 99));
    }

    static List<String> queries(String text, String word, int count, long seed) {
        List<String> words = new ArrayList<>(new LinkedHashSet<>(matches(text, word)));
        Random random = new Random(seed);
        List<String> out = new ArrayList<>();
        while (out.size() < count) {
            int length = 1 + random.nextInt(3);
            List<String> q = new ArrayList<>();
            for (int i = 0; i < length; i++) {
                q.add(words.get(random.nextInt(words.size())).toLowerCase());
            }
            out.add(String.join(" ", q));
        }
        return out;
    }

    static List<String> matches(String text, String word) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile(word).matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    static String get(HttpClient http, String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " for " + url);
        }
        return response.body();
    }

    static double percentile(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    static double ratio(long[] a, long[] b, int p) {
        return percentile(a, p) / percentile(b, p);
    }

    static void report(String name, long[] values) {
        System.out.printf("%-28s p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms%n", name, percentile(values, 50),
                percentile(values, 95), percentile(values, 99));
    }
}
