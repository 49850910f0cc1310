package org.samizdat.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.samizdat.content.internal.StoryDraft;
import org.samizdat.content.internal.StoryWorkflow;
import org.samizdat.shared.Language;
import org.samizdat.staff.Role;
import org.samizdat.staff.StaffMember;
import org.samizdat.support.AppTest;
import org.samizdat.support.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A reader in a real browser: front page → story → the same story in the other language. */
@AppTest
class ReaderJourneyBrowserTest {

    static final StaffMember EDITOR = new StaffMember(1, "editor", "Editor", Role.EDITOR);

    @LocalServerPort
    int port;

    @Autowired
    StoryWorkflow workflow;

    @Test
    void readerGoesFromTheFrontPageToAStoryAndItsTranslation() {
        long en = workflow.save(new StoryDraft(null, Language.EN, null, "Journey: ferry service resumes", "Boats are back.",
                "The ferry runs **again**.", null, null, null, null, List.of(), List.of(), null, null, null, null, null,
                null, null, null, true), EDITOR);
        long ru = workflow.save(new StoryDraft(null, Language.RU, null, "Путь: паром снова ходит", "Паромы вернулись.",
                "Паром снова **ходит**.", null, null, null, null, List.of(), List.of(), en, null, null, null, null,
                null, null, null, false), EDITOR);
        workflow.publish(en, EDITOR);
        workflow.publish(ru, EDITOR);

        try (Browser browser = Browser.start()) {
            WebDriver driver = browser.driver();
            browser.watchForCspViolations();
            driver.get("http://127.0.0.1:" + port + "/en");
            driver.findElement(By.linkText("Journey: ferry service resumes")).click();

            assertThat(driver.getCurrentUrl()).endsWith("/en/stories/journey-ferry-service-resumes");
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Journey: ferry service resumes");
            assertThat(driver.findElement(By.cssSelector(".body strong")).getText()).isEqualTo("again");

            driver.findElement(By.cssSelector("article a[hreflang=ru]")).click();

            assertThat(driver.getCurrentUrl()).endsWith("/ru/stories/put-parom-snova-khodit");
            assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ru");
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Путь: паром снова ходит");
            assertThat(driver.findElement(By.cssSelector("a.skip")).getAttribute("textContent"))
                    .isEqualTo("Перейти к содержанию");
            assertThat(browser.violations()).isEmpty();
        }
    }
}
