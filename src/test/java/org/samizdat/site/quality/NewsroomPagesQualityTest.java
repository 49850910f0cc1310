package org.samizdat.site.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.samizdat.staff.Role;
import org.samizdat.staff.StaffDirectory;
import org.samizdat.support.AppTest;
import org.samizdat.support.Browser;
import org.samizdat.support.PageQuality;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The main newsroom screens through {@link PageQuality}, with a browser set to English and then to Russian:
 * sign-in (and its failure), the story list, the story editor (new, existing, and with a refused save), the
 * newsletter desk, an edition and its editor (with a story added and a refused save). Error messages must be tied to their fields.
 */
@AppTest
@TestPropertySource(properties = "samizdat.demo-content=true")
class NewsroomPagesQualityTest {

    static final String PASSWORD = "a long enough passphrase for quality";

    @LocalServerPort
    int port;

    @Autowired
    StaffDirectory staff;

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void newsroomScreensPassEveryCheck(String lang) {
        String username = "quality-" + lang;
        if (!staff.usernameTaken(username)) {
            staff.create(username, "Quality " + lang, Role.EDITOR, PASSWORD);
        }
        try (Browser browser = Browser.start()) {
            browser.watchForCspViolations();
            browser.acceptLanguage(lang);
            WebDriver driver = browser.driver();
            PageQuality quality = new PageQuality(browser, "http://127.0.0.1:" + port);

            assertThat(quality.check("/newsroom/signin", lang)).as("sign-in").isEmpty();
            signIn(driver, username, "not the password");
            assertTiedToError(driver, "username");
            assertThat(quality.recheck(lang)).as("sign-in refused").isEmpty();
            signIn(driver, username, PASSWORD);
            new WebDriverWait(driver, Duration.ofSeconds(20))
                    .until(ExpectedConditions.not(ExpectedConditions.urlContains("/newsroom/signin")));

            assertThat(quality.check("/newsroom/stories", lang)).as("story list").isEmpty();
            String existing = driver.findElement(By.cssSelector("main table a[href^='/newsroom/stories/']"))
                    .getAttribute("href").replaceFirst("^https?://[^/]+", "");
            assertThat(quality.check(existing, lang)).as("story editor").isEmpty();
            assertThat(quality.check("/newsroom/stories/new", lang)).as("new story").isEmpty();
            driver.findElement(By.cssSelector("button.primary")).click();
            assertTiedToError(driver, "headline");
            assertThat(quality.recheck(lang)).as("refused save").isEmpty();

            assertThat(quality.check("/newsroom/newsletter", lang)).as("newsletter desk").isEmpty();
            ((JavascriptExecutor) driver).executeScript("document.getElementById('subject').required = false;");
            driver.findElement(By.cssSelector("form[action='/newsroom/newsletter/editions'] button[type=submit]")).click();
            assertTiedToError(driver, "subject");
            assertThat(quality.recheck(lang)).as("refused edition").isEmpty();
            driver.findElement(By.id("subject")).sendKeys("Quality check " + lang);
            driver.findElement(By.cssSelector("form[action='/newsroom/newsletter/editions'] button[type=submit]")).click();
            new WebDriverWait(driver, Duration.ofSeconds(20))
                    .until(ExpectedConditions.urlMatches("/newsroom/newsletter/editions/[0-9]+$"));
            assertThat(quality.recheck(lang)).as("edition").isEmpty();
            String edition = driver.getCurrentUrl().replaceFirst("^https?://[^/]+", "");
            assertThat(quality.check(edition + "/edit", lang)).as("edition editor").isEmpty();
            driver.findElement(By.cssSelector("input[name=add]")).click();
            driver.findElement(By.cssSelector("button[name=op][value=add]")).click();
            new WebDriverWait(driver, Duration.ofSeconds(20))
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name=story]")));
            assertThat(quality.recheck(lang)).as("edition editor, story added").isEmpty();
            ((JavascriptExecutor) driver).executeScript(
                    "var s = document.getElementById('subject'); s.required = false; s.value = '';");
            driver.findElement(By.cssSelector("button.primary[name=op][value=save]")).click();
            assertTiedToError(driver, "subject");
            assertThat(quality.recheck(lang)).as("refused edition save").isEmpty();
            assertThat(quality.check("/newsroom/newsletter/schedule", lang)).as("weekly schedule").isEmpty();
        }
    }

    private void signIn(WebDriver driver, String username, String password) {
        driver.get("http://127.0.0.1:" + port + "/newsroom/signin");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
    }

    private static void assertTiedToError(WebDriver driver, String field) {
        WebElement input = new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + field + "[aria-invalid=true]")));
        String[] ids = input.getAttribute("aria-describedby").split(" ");
        WebElement message = driver.findElement(By.id(ids[ids.length - 1]));
        assertThat(message.getText()).as(field + " message").isNotBlank();
    }
}
