package org.samizdat.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium through its own chromedriver, for browser tests. Nothing is downloaded: the
 * browser and driver paths are fixed, and Selenium Manager stays offline. Each browser gets a fresh
 * profile directory, removed on {@link #close()}. Skips (or fails under CI) when Chromium is missing.
 */
public final class Browser implements AutoCloseable {

    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    public static Browser start() {
        Requirements.require(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(), "Chromium");
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.getPath());
        Path profile;
        try {
            profile = Files.createTempDirectory("samizdat-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
        try {
            return new Browser(new ChromeDriver(service, options), profile);
        } catch (RuntimeException e) {
            delete(profile);
            throw e;
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /**
     * Does what leads to another page (a click, a submit) and waits until that page has loaded. Waiting for the old
     * element to go stale races with Chromium tearing the old document down, so the old page is marked instead.
     */
    public void toNextPage(Runnable action) {
        driver.executeScript("window.__leaving = true;");
        action.run();
        new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(WebDriverException.class)
                .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                        "return window.__leaving !== true && document.readyState === 'complete';")));
    }

    /** Records every Content Security Policy violation on the pages loaded from now on; see {@link #violations()}. */
    public void watchForCspViolations() {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                window.__cspViolations = [];
                document.addEventListener('securitypolicyviolation',
                    e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
                """));
    }

    /** Sends {@code languages} as the Accept-Language of every request from now on, as a browser set to them would. */
    public void acceptLanguage(String languages) {
        String agent = (String) driver.executeScript("return navigator.userAgent;");
        driver.executeCdpCommand("Emulation.setUserAgentOverride", Map.of("userAgent", agent, "acceptLanguage", languages));
    }

    @SuppressWarnings("unchecked")
    public List<String> violations() {
        return (List<String>) driver.executeScript("return window.__cspViolations || [];");
    }

    /** Console messages of the current session so far (errors, warnings and the rest). */
    public List<String> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::toString).toList();
    }

    @SuppressWarnings("unchecked")
    public List<String> resourcesLoaded() {
        return (List<String>) driver.executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name);");
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            delete(profile);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
