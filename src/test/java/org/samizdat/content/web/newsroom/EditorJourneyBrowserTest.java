package org.samizdat.content.web.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.samizdat.staff.Role;
import org.samizdat.staff.StaffDirectory;
import org.samizdat.support.AppTest;
import org.samizdat.support.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An editor in a real browser: sign in → write a story → publish → read it on the live site. */
@AppTest
class EditorJourneyBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    StaffDirectory staff;

    @Test
    void editorWritesPublishesAndSeesTheStoryLive() {
        if (!staff.usernameTaken("journey-editor")) {
            staff.create("journey-editor", "Journey Editor", Role.EDITOR, "a long enough passphrase");
        }
        try (Browser browser = Browser.start()) {
            WebDriver driver = browser.driver();
            String site = "http://127.0.0.1:" + port;
            driver.get(site + "/newsroom");
            assertThat(driver.getCurrentUrl()).endsWith("/newsroom/signin");
            driver.findElement(By.id("username")).sendKeys("journey-editor");
            driver.findElement(By.id("password")).sendKeys("a long enough passphrase");
            driver.findElement(By.cssSelector("main form button[type=submit]")).click();
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.not(
                    ExpectedConditions.urlContains("/newsroom/signin")));

            driver.get(site + "/newsroom/stories/new");
            driver.findElement(By.id("headline")).sendKeys("Journey: night trains return to the coast");
            driver.findElement(By.id("standfirst")).sendKeys("The first sleeper in three years left at dusk.");
            driver.findElement(By.id("body")).sendKeys("Passengers cheered on **platform two**.\n\n## Timetable\n\nDaily at 21:40.");
            driver.findElement(By.cssSelector("button.primary")).click();

            new WebDriverWait(driver, Duration.ofSeconds(20))
                    .until(ExpectedConditions.elementToBeClickable(By.linkText("View on the site"))).click();
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/en/stories/"));
            assertThat(driver.getCurrentUrl()).endsWith("/en/stories/journey-night-trains-return-to-the-coast");
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Journey: night trains return to the coast");
            assertThat(driver.findElement(By.cssSelector(".body h2")).getText()).isEqualTo("Timetable");

            driver.get(site + "/en");
            assertThat(driver.findElement(By.tagName("main")).getText()).contains("Journey: night trains return to the coast");
        }
    }
}
