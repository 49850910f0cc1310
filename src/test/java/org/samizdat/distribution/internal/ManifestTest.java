package org.samizdat.distribution.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The manifest reads back what it writes, and refuses anything cut short or out of shape with a reason. */
class ManifestTest {

    private static final String SHA = "ab".repeat(32);

    @Test
    void readsBackWhatItWrites() throws Exception {
        SortedMap<String, Manifest.Entry> files = new TreeMap<>();
        files.put("en/index.html", new Manifest.Entry(SHA, 1234));
        files.put("assets/site.css", new Manifest.Entry("cd".repeat(32), 0));
        Manifest manifest = new Manifest("Редакция \"Q\" \\ 1", Instant.parse("2026-11-27T10:15:30.123Z"), "k1", files);

        assertThat(Manifest.parse(manifest.bytes())).isEqualTo(manifest);
    }

    @Test
    void refusesEveryTruncation() {
        byte[] whole = sample().bytes();
        for (int length = 0; length < whole.length - 1; length++) {
            byte[] cut = Arrays.copyOf(whole, length);
            assertThatThrownBy(() -> Manifest.parse(cut)).as("cut at %d", length).isInstanceOf(Manifest.Malformed.class);
        }
    }

    @Test
    void namesWhatIsWrong() {
        assertThat(reason("")).isEqualTo("it is empty");
        assertThat(reason("[1]")).isEqualTo("it is not a JSON object");
        assertThat(reason(json("samizdat-mirror/2", "\"a.html\":{\"sha256\":\"" + SHA + "\",\"size\":1}")))
                .isEqualTo("its format is not samizdat-mirror/1");
        assertThat(reason(json("samizdat-mirror/1", "\"a.html\":{\"sha256\":\"" + SHA + "\",\"size\":1}") + "{}"))
                .isEqualTo("it is not complete JSON (truncated?)");
        assertThat(reason(json("samizdat-mirror/1", "\"../etc/passwd\":{\"sha256\":\"" + SHA + "\",\"size\":1}")))
                .isEqualTo("it lists a path outside the mirror: ../etc/passwd");
        assertThat(reason(json("samizdat-mirror/1", "\"a.html\":{\"sha256\":\"" + SHA + "\",\"size\":\"1\"}")))
                .isEqualTo("the entry for a.html has no valid sha256 and size");
        assertThat(reason(json("samizdat-mirror/1", "\"a.html\":{\"sha256\":\"" + SHA + "\",\"size\":-1}")))
                .isEqualTo("the entry for a.html has no valid sha256 and size");
        assertThat(reason(json("samizdat-mirror/1", "\"a.html\":{\"sha256\":\"XYZ\",\"size\":1}")))
                .isEqualTo("the entry for a.html has no valid sha256 and size");
        assertThat(reason(json("samizdat-mirror/1", "\"a.html\":{\"sha256\":\"" + SHA + "\",\"size\":99999999999999999999}")))
                .isEqualTo("the entry for a.html has no valid sha256 and size");
        assertThat(reason("{\"format\":\"samizdat-mirror/1\",\"generated_at\":\"2026-11-27T10:15:30Z\",\"files\":[]}"))
                .isEqualTo("it has no files object");
        assertThat(reason("{\"format\":\"samizdat-mirror/1\",\"generated_at\":\"yesterday\",\"files\":{}}"))
                .isEqualTo("generated_at is not a time");
    }

    private static Manifest sample() {
        SortedMap<String, Manifest.Entry> files = new TreeMap<>();
        files.put("en/index.html", new Manifest.Entry(SHA, 1234));
        return new Manifest("Newsroom", Instant.parse("2026-11-27T10:15:30Z"), "k1", files);
    }

    private static String json(String format, String files) {
        return "{\"format\":\"" + format + "\",\"newsroom\":\"N\",\"generated_at\":\"2026-11-27T10:15:30Z\","
                + "\"key_id\":\"k\",\"files\":{" + files + "}}";
    }

    private static String reason(String json) {
        try {
            Manifest.parse(json.getBytes(StandardCharsets.UTF_8));
            return "parsed";
        } catch (Manifest.Malformed e) {
            return e.getMessage();
        }
    }
}
