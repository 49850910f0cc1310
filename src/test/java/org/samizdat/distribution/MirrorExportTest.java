package org.samizdat.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samizdat.content.Stories;
import org.samizdat.content.StoryStamp;
import org.samizdat.content.internal.StoryDraft;
import org.samizdat.content.internal.StoryRepository;
import org.samizdat.content.internal.StoryWorkflow;
import org.samizdat.distribution.internal.Ed25519Keys;
import org.samizdat.distribution.internal.Manifest;
import org.samizdat.distribution.internal.MirrorExport;
import org.samizdat.distribution.internal.SigningKey;
import org.samizdat.shared.Language;
import org.samizdat.shared.web.SiteProperties;
import org.samizdat.staff.Role;
import org.samizdat.staff.StaffMember;
import org.samizdat.support.AppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The static mirror of the demo newsroom: every link relative and leading to a file of the copy, nothing that
 * needs the server, a signed manifest that catches every change, and a second export that writes only what changed.
 */
@AppTest
@TestPropertySource(properties = {"samizdat.demo-content=true", "samizdat.distribution.export-threads=3"})
class MirrorExportTest {

    static final StaffMember EDITOR = new StaffMember(1, "editor", "Editor", Role.EDITOR);

    @LocalServerPort
    int port;

    @Autowired
    MirrorExport export;

    @Autowired
    SigningKey key;

    @Autowired
    SiteProperties site;

    @Autowired
    Stories stories;

    @Autowired
    StoryRepository repository;

    @Autowired
    StoryWorkflow workflow;

    @TempDir
    Path temp;

    MirrorExport.Result exportTo(Path dir) throws IOException {
        return export.export("http://127.0.0.1:" + port, dir, false, null);
    }

    @Test
    void everyLinkIsRelativeAndLeadsToAFileOfTheCopy() throws IOException {
        Path dir = temp.resolve("mirror");
        MirrorExport.Result result = exportTo(dir);
        assertThat(result.incremental()).isFalse();
        assertThat(result.files()).isEqualTo(result.written());
        List<String> files = files(dir);
        assertThat(files).contains("index.html", "en/index.html", "ru/index.html", "en/reach/index.html",
                "ru/reach/index.html", "en/privacy/index.html", "en/feed.xml", "ru/atom.xml", "en/feed.json",
                "mirrors.json", "mirrors.json.sig", "mirrors-key.txt", "assets/site.css", "favicon.svg",
                "en/search/index.html", "en/search/index.js", "ru/search/index.html", "assets/static-search.js",
                "manifest.json", "manifest.json.sig");
        assertThat(files).anyMatch(f -> f.matches("en/stories/[^/]+/index\\.html"));
        assertThat(files).anyMatch(f -> f.matches("ru/stories/[^/]+/index\\.html"));
        assertThat(files).anyMatch(f -> f.matches("en/sections/[^/]+/index\\.html"));
        assertThat(files).anyMatch(f -> f.matches("en/tags/[^/]+/index\\.html"));
        assertThat(files).anyMatch(f -> f.matches("en/authors/[^/]+/index\\.html"));
        assertThat(files).anyMatch(f -> f.matches("media/[0-9]+/.+\\.jpg"));
        long storyFiles = files.stream().filter(f -> f.matches("(en|ru)/stories/[^/]+/index\\.html")).count();
        assertThat(storyFiles).isEqualTo(stories.countLive());

        List<String> broken = new ArrayList<>();
        for (String file : files.stream().filter(f -> f.endsWith(".html")).toList()) {
            Document doc = Jsoup.parse(Files.readString(dir.resolve(file), StandardCharsets.UTF_8));
            assertThat(doc.select("form[method=post]")).as(file).isEmpty();
            for (Element el : doc.select("[href], [src], [action], [srcset]")) {
                for (String link : links(el)) {
                    assertThat(link).as(file + " " + el.tagName()).doesNotStartWith("/").doesNotContain("/newsroom");
                    if (link.startsWith("http:") || link.startsWith("https:") || link.startsWith("#")
                            || link.startsWith("mailto:")) {
                        continue;
                    }
                    Path target = dir.resolve(file).getParent() == null ? dir.resolve(strip(link))
                            : dir.resolve(file).getParent().resolve(strip(link));
                    if (!target.normalize().startsWith(dir) || !Files.isRegularFile(target.normalize())) {
                        broken.add(file + " -> " + link);
                    }
                }
            }
        }
        assertThat(broken).isEmpty();
        Document home = Jsoup.parse(Files.readString(dir.resolve("en/index.html"), StandardCharsets.UTF_8));
        assertThat(home.select("footer a").eachAttr("href")).contains(site.canonicalOrigin() + "/en/newsletter");
        assertThat(home.select("link[rel=stylesheet]").attr("href")).isEqualTo("../assets/site.css");
    }

    @Test
    void verifyAcceptsTheCopyAndNamesEveryProblemExactly() throws Exception {
        Path dir = temp.resolve("mirror");
        exportTo(dir);
        Path keyFile = temp.resolve("key.pem");
        Files.writeString(keyFile, key.publicKeyPem());
        assertThat(verify(dir, "--key", keyFile.toString())).startsWith("0 OK: ");
        assertThat(verify(dir, "--key-base64", Base64.getEncoder().encodeToString(key.publicKey().getEncoded())))
                .startsWith("0 OK: ");
        assertThat(verify(dir)).startsWith("0 note: checked against mirrors-key.txt");

        String story = files(dir).stream().filter(f -> f.matches("en/stories/[^/]+/index\\.html")).findFirst().orElseThrow();
        byte[] original = Files.readAllBytes(dir.resolve(story));
        byte[] flipped = original.clone();
        flipped[flipped.length / 2] ^= 1;
        Files.write(dir.resolve(story), flipped);
        assertThat(verify(dir, "--key", keyFile.toString())).isEqualTo("1 ALTERED: " + story + "\n"
                + "FAILED: 1 of " + manifestSize(dir) + " files do not match the manifest\n");
        Files.write(dir.resolve(story), original);

        Files.move(dir.resolve("assets/site.css"), temp.resolve("site.css"));
        Files.writeString(dir.resolve("en/extra.html"), "<p>planted</p>");
        assertThat(verify(dir, "--key", keyFile.toString())).isEqualTo("1 MISSING: assets/site.css\n"
                + "UNEXPECTED: en/extra.html\nFAILED: 2 of " + manifestSize(dir) + " files do not match the manifest\n");
        Files.move(temp.resolve("site.css"), dir.resolve("assets/site.css"));
        Files.delete(dir.resolve("en/extra.html"));

        var other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();
        Path otherFile = temp.resolve("other.pem");
        Files.writeString(otherFile, Ed25519Keys.pem(other));
        assertThat(verify(dir, "--key", otherFile.toString())).isEqualTo("1 FAILED: wrong key: the manifest was signed with key "
                + key.id() + ", the key given is " + Ed25519Keys.id(other) + "\n");

        byte[] manifest = Files.readAllBytes(dir.resolve(Manifest.FILE));
        String altered = new String(manifest, StandardCharsets.UTF_8).replaceFirst("\"size\":([0-9])", "\"size\":9$1");
        Files.writeString(dir.resolve(Manifest.FILE), altered);
        assertThat(verify(dir, "--key", keyFile.toString()))
                .isEqualTo("1 FAILED: manifest.json does not match its signature: it was altered after signing\n");
        Files.write(dir.resolve(Manifest.FILE), java.util.Arrays.copyOf(manifest, manifest.length / 2));
        assertThat(verify(dir, "--key", keyFile.toString()))
                .isEqualTo("1 FAILED: manifest.json is truncated or malformed: it is not complete JSON (truncated?)\n");
        Files.write(dir.resolve(Manifest.FILE), manifest);

        Files.move(dir.resolve(Manifest.SIGNATURE), temp.resolve("sig"));
        assertThat(verify(dir, "--key", keyFile.toString()))
                .isEqualTo("1 FAILED: manifest.json.sig is missing, so the copy cannot be verified\n");
        Files.writeString(dir.resolve(Manifest.SIGNATURE), "not a signature");
        assertThat(verify(dir, "--key", keyFile.toString()))
                .isEqualTo("1 FAILED: manifest.json.sig is not a base64 Ed25519 signature\n");
        Files.move(temp.resolve("sig"), dir.resolve(Manifest.SIGNATURE), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.delete(dir.resolve(Manifest.FILE));
        assertThat(verify(dir, "--key", keyFile.toString())).isEqualTo("1 FAILED: manifest.json is missing\n");
        assertThat(verify(temp.resolve("nowhere"), "--key", keyFile.toString()))
                .isEqualTo("1 FAILED: no such folder: " + temp.resolve("nowhere") + "\n");
        assertThat(verify(dir, "--key-base64", "bm90IGEga2V5")).startsWith("2 FAILED: the key given is not an Ed25519 public key");
        assertThat(run("verify-mirror")).startsWith("2 usage:");
    }

    @Test
    void aSecondExportWritesOnlyTheChangedStoryAndItsListingPages() throws Exception {
        Path dir = temp.resolve("incremental");
        exportTo(dir);
        MirrorExport.Result again = exportTo(dir);
        assertThat(again.incremental()).isTrue();
        assertThat(again.written()).isZero();
        assertThat(again.deleted()).isZero();

        StoryStamp stamp = stories.stamps(1000, 0).stream().filter(s -> s.language() == Language.EN)
                .reduce((a, b) -> b).orElseThrow();
        StoryDraft d = repository.find(stamp.id()).orElseThrow();
        workflow.save(new StoryDraft(d.id(), d.language(), d.slug(), d.headline(), "A standfirst changed for the mirror",
                d.bodyMarkdown(), d.leadMediaId(), d.leadCaption(), d.leadCredit(), d.sectionId(), d.tags(), d.authorIds(),
                d.translationId(), d.status(), d.publishAt(), d.publishedAt(), d.updatedAt(), d.createdBy(), d.seoTitle(),
                d.seoDescription(), d.featured()), EDITOR);
        Manifest before = Manifest.parse(Files.readAllBytes(dir.resolve(Manifest.FILE)));
        MirrorExport.Result after = exportTo(dir);
        Manifest now = Manifest.parse(Files.readAllBytes(dir.resolve(Manifest.FILE)));
        Set<String> changed = new TreeSet<>();
        now.files().forEach((file, entry) -> {
            if (!entry.equals(before.files().get(file))) {
                changed.add(file);
            }
        });
        String storyFile = "en/stories/" + stamp.slug() + "/index.html";
        assertThat(after.written()).isEqualTo(changed.size());
        assertThat(changed).contains(storyFile, "en/search/index.js");
        for (String other : changed.stream().filter(f -> f.contains("/stories/") && !f.equals(storyFile)).toList()) {
            assertThat(Files.readString(dir.resolve(other))).as(other + " shows the changed story")
                    .contains("../" + stamp.slug() + "/index.html");
        }
        assertThat(changed).allMatch(f -> f.equals(storyFile) || f.matches("en/stories/[^/]+/index\\.html")
                || f.equals("en/search/index.js")
                || f.equals("export-state.txt") || f.startsWith("en/")
                && (f.endsWith("index.html") || f.matches(".*page-[0-9]+\\.html") || f.matches(".*(feed\\.xml|atom\\.xml|feed\\.json)"))
                || f.equals("index.html"));
        assertThat(Files.readString(dir.resolve(storyFile))).contains("A standfirst changed for the mirror");
        assertThat(verify(dir)).contains("OK: ");
    }

    @Test
    void aWithdrawnStoryLeavesTheCopyOnTheNextExport() throws IOException {
        Path dir = temp.resolve("withdrawn");
        exportTo(dir);
        StoryStamp stamp = stories.stamps(1000, 0).stream().filter(s -> s.language() == Language.RU)
                .reduce((a, b) -> b).orElseThrow();
        String storyFile = "ru/stories/" + stamp.slug() + "/index.html";
        assertThat(dir.resolve(storyFile)).exists();
        workflow.withdraw(stamp.id(), EDITOR);
        try {
            MirrorExport.Result result = exportTo(dir);
            assertThat(result.deleted()).isGreaterThanOrEqualTo(1);
            assertThat(dir.resolve(storyFile)).doesNotExist();
            assertThat(dir.resolve(storyFile).getParent()).doesNotExist();
            assertThat(verify(dir)).contains("OK: ");
        } finally {
            workflow.publish(stamp.id(), EDITOR);
        }
    }

    static List<String> links(Element el) {
        List<String> links = new ArrayList<>();
        for (String attribute : List.of("href", "src", "action")) {
            if (el.hasAttr(attribute)) {
                links.add(el.attr(attribute));
            }
        }
        if (el.hasAttr("srcset")) {
            for (String candidate : el.attr("srcset").split(",")) {
                links.add(candidate.strip().split("\\s+")[0]);
            }
        }
        return links;
    }

    static String strip(String link) {
        int cut = link.length();
        for (char c : new char[] {'#', '?'}) {
            int at = link.indexOf(c);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        return link.substring(0, cut);
    }

    static List<String> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    static int manifestSize(Path dir) throws Exception {
        return Manifest.parse(Files.readAllBytes(dir.resolve(Manifest.FILE))).files().size();
    }

    static String verify(Path dir, String... options) {
        String[] args = new String[options.length + 2];
        args[0] = "verify-mirror";
        args[1] = dir.toString();
        System.arraycopy(options, 0, args, 2, options.length);
        return run(args);
    }

    static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = MirrorCommands.run(null, args, new PrintStream(out, true, StandardCharsets.UTF_8));
        return status + " " + out.toString(StandardCharsets.UTF_8);
    }
}
