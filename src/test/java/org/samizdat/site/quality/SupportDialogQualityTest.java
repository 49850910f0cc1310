package org.samizdat.site.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.samizdat.support.AppTest;
import org.samizdat.support.Axe;
import org.samizdat.support.Browser;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The support dialog of the demo newsroom, opened the way a reader opens it (the banner's or the story ask's
 * button), in English and in Russian: no axe-core violations with it open (light and dark), no sideways scrolling
 * at 320 and 640 px (a phone; 200% zoom), announced as a modal
 * dialog with a name in the page's language, focus kept inside while it is open (Tab and Shift+Tab), closed by
 * Escape, and focus back on the button that opened it.
 */
@AppTest
@TestPropertySource(properties = "samizdat.demo-content=true")
class SupportDialogQualityTest {

    static final int TABS = 30;
    static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
        browser.watchForCspViolations();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @ParameterizedTest
    @CsvSource({
            "en, /en, .ask-banner .ask-go",
            "ru, /ru, .ask-banner .ask-go",
            "en, /en/stories/parliament-votes-to-extend-the-chairman-s-term-without-an-election, .ask-story .ask-go",
            "ru, /ru/stories/parlament-prodlil-srok-predsedatelya-bez-vyborov, .ask-story .ask-go"})
    void theOpenDialogPassesAxeKeepsFocusAndGivesItBack(String lang, String path, String opener) {
        ChromeDriver driver = browser.driver();
        freshReader(driver, path);
        WebElement button = new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector(opener)).stream().findFirst().orElse(null));
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", button);
        button.click();

        WebElement dialog = driver.findElement(By.cssSelector("dialog.ask-modal[open]"));
        assertThat(driver.executeScript("return document.querySelector('dialog.ask-modal').matches(':modal')"))
                .as("opened as a modal dialog").isEqualTo(true);
        assertThat(driver.executeScript("return document.documentElement.lang")).isEqualTo(lang);
        String name = driver.findElement(By.id(dialog.getAttribute("aria-labelledby"))).getAttribute("textContent").strip();
        assertThat(name).as("the dialog's accessible name").isNotBlank();
        assertThat(name.chars().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC))
                .as("name in the page's language: " + name).isEqualTo(lang.equals("ru"));
        assertThat(insideDialog(driver)).as("focus moves into the dialog").isTrue();

        List<String> problems = new ArrayList<>();
        Axe.violations(driver).forEach(v -> problems.add("axe: " + v));
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        Axe.violations(driver).forEach(v -> problems.add("axe, dark scheme: " + v));
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "light"))));
        for (int width : new int[] {320, 640}) {
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", width, "height", 700, "deviceScaleFactor", 1, "mobile", false));
            Object overflow = driver.executeScript("const d = document.querySelector('dialog.ask-modal[open]');"
                    + " return d.scrollWidth > d.clientWidth || d.getBoundingClientRect().right > innerWidth;");
            if (Boolean.TRUE.equals(overflow)) {
                problems.add("the dialog scrolls sideways at " + width + " px");
            }
        }
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        assertThat(problems).as(path + " with the dialog open").isEmpty();

        List<String> reached = new ArrayList<>();
        for (CharSequence key : List.<CharSequence>of(Keys.TAB, Keys.chord(Keys.SHIFT, Keys.TAB))) {
            for (int i = 0; i < TABS; i++) {
                new Actions(driver).sendKeys(key).perform();
                assertThat(insideDialog(driver)).as("focus after %d × %s", i + 1, key == Keys.TAB ? "Tab" : "Shift+Tab")
                        .isTrue();
                reached.add((String) driver.executeScript("return document.activeElement.outerHTML.slice(0, 60)"));
            }
        }
        assertThat(reached).as("Tab moves through the dialog's controls").anyMatch(h -> h.contains("data-ask-later"))
                .anyMatch(h -> h.contains("data-ask-close"));

        new Actions(driver).sendKeys(Keys.ESCAPE).perform();
        assertThat(driver.findElements(By.cssSelector("dialog.ask-modal[open]"))).as("closed by Escape").isEmpty();
        assertThat(driver.executeScript("return document.activeElement === arguments[0]", button))
                .as("focus returns to the button that opened the dialog").isEqualTo(true);
        assertThat(browser.violations()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"en, /en", "ru, /ru"})
    void theBannersCloseButtonIsReachableAndNamedAndTheDialogRespectsReducedMotion(String lang, String path) {
        ChromeDriver driver = browser.driver();
        freshReader(driver, path);
        WebElement close = driver.findElement(By.cssSelector(".ask-banner [data-ask-dismiss]"));
        assertThat(close.getAccessibleName()).as("the banner's close button has a name").isNotBlank();
        driver.executeScript("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
        boolean reached = false;
        for (int i = 0; i < 20 && !reached; i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            reached = Boolean.TRUE.equals(driver.executeScript("return document.activeElement === arguments[0]", close));
        }
        assertThat(reached).as("the banner's close button is reached by Tab").isTrue();

        for (String motion : List.of("reduce", "no-preference")) {
            driver.executeCdpCommand("Emulation.setEmulatedMedia",
                    Map.of("features", List.of(Map.of("name", "prefers-reduced-motion", "value", motion))));
            driver.findElement(By.cssSelector(".ask-banner .ask-go")).click();
            Object animation = driver.executeScript(
                    "return getComputedStyle(document.querySelector('dialog.ask-modal[open]')).animationName");
            assertThat(animation).as("dialog animation with prefers-reduced-motion: " + motion)
                    .isEqualTo(motion.equals("reduce") ? "none" : "ask-in");
            new Actions(driver).sendKeys(Keys.ESCAPE).perform();
        }
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
    }

    private void freshReader(ChromeDriver driver, String path) {
        driver.get("http://127.0.0.1:" + port + "/robots.txt");
        driver.executeScript("localStorage.clear()");
        driver.get("http://127.0.0.1:" + port + path);
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> "complete".equals(driver.executeScript("return document.readyState")));
    }

    private static boolean insideDialog(ChromeDriver driver) {
        return Boolean.TRUE.equals(driver.executeScript(
                "const d = document.querySelector('dialog.ask-modal[open]');"
                        + " return !!d && d.contains(document.activeElement) && document.hasFocus();"));
    }
}
