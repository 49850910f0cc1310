package org.samizdat.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.samizdat.content.Stories;
import org.samizdat.content.StoryStamp;
import org.samizdat.distribution.internal.MirrorExport;
import org.samizdat.shared.Language;
import org.samizdat.support.AppTest;
import org.samizdat.support.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** A reader opens the static copy straight from disk: pages, links between them and the search all work offline. */
@AppTest
@TestPropertySource(properties = {"samizdat.demo-content=true", "samizdat.distribution.export-threads=3"})
class StaticMirrorBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    MirrorExport export;

    @Autowired
    Stories stories;

    @TempDir
    Path temp;

    @Test
    void theCopyOpensFromFileAndItsLinksAndSearchWork() throws Exception {
        Path dir = temp.resolve("copy");
        export.export("http://127.0.0.1:" + port, dir, false, null);
        try (Browser browser = Browser.start()) {
            var driver = browser.driver();
            driver.get(dir.resolve("en/index.html").toUri().toString());
            WebElement story = driver.findElement(By.cssSelector("main a[href*='stories/']"));
            story.click();
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/stories/"));
            assertThat(driver.getCurrentUrl()).startsWith("file:").endsWith("/index.html");
            assertThat(driver.findElement(By.tagName("h1")).getText()).isNotBlank();
            assertThat(driver.findElement(By.cssSelector("link[rel=stylesheet]")).getDomProperty("href")).startsWith("file:");

            StoryStamp stamp = stories.stamps(1000, 0).stream().filter(s -> s.language() == Language.EN).findFirst()
                    .orElseThrow();
            String word = List.of(stamp.headline().split("\\s+")).stream().filter(w -> w.length() > 4).findFirst()
                    .orElse(stamp.headline());
            driver.get(dir.resolve("en/search/index.html").toUri() + "?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8));
            new WebDriverWait(driver, Duration.ofSeconds(10))
                    .until(d -> !d.findElements(By.cssSelector("#static-search ol li a")).isEmpty());
            WebElement hit = driver.findElement(By.cssSelector("#static-search ol li a"));
            assertThat(driver.findElement(By.cssSelector("#static-search .count")).getText()).contains("found");
            hit.click();
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/stories/"));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isNotBlank();
        }
    }
}
