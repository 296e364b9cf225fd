package org.imarchive.gateway.ui;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The reviewer's journey in a real headless Chromium on a laptop-sized window: sign in, open the top item of the
 * queue with the keyboard, read it in its conversation (the messages before and after, the hit marked), write why,
 * escalate with one key, and land on the next item. The API then shows the item escalated to the group's supervisor
 * and the audit trail every step. A screenshot of the item page is kept in {@code target/ui-journey.png}.
 *
 * <p>The browser is {@code IMARCHIVE_TEST_CHROMIUM} and {@code IMARCHIVE_TEST_CHROMEDRIVER} (Debian's paths by
 * default). Without them the test is skipped, unless {@code IMARCHIVE_TEST_REQUIRE_SERVERS=true} (CI), where it fails.
 */
class ReviewerBrowserJourneyTest extends UiGatewayTest {
    static final Path SCREENSHOT = Path.of("target", "ui-journey.png");
    static final Duration WAIT = Duration.ofSeconds(20);

    WebDriver browser;

    @BeforeEach
    void startBrowser() {
        prepare();
        File chromium = new File(setting("IMARCHIVE_TEST_CHROMIUM", "/usr/bin/chromium"));
        File chromedriver = new File(setting("IMARCHIVE_TEST_CHROMEDRIVER", "/usr/bin/chromedriver"));
        if (!chromium.canExecute() || !chromedriver.canExecute()) {
            String missing = "no browser: " + chromium + " or " + chromedriver + " is not executable";
            if ("true".equalsIgnoreCase(System.getenv("IMARCHIVE_TEST_REQUIRE_SERVERS"))) {
                fail(missing + ", and IMARCHIVE_TEST_REQUIRE_SERVERS=true demands one (.ci/browser.sh installs it)");
            }
            assumeTrue(false, missing);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--window-size=1366,768");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1366, 768));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aReviewerSignsInReadsTheTopItemInItsConversationAndEscalatesItWithOneKey() throws IOException {
        String itemId = flaggedItem();
        WebDriverWait wait = new WebDriverWait(browser, WAIT);

        browser.get("http://127.0.0.1:" + port + "/ui/queue");
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys("rita");
        browser.findElement(By.id("password")).sendKeys(USER_PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/ui/queue"));
        assertThat(browser.findElements(By.cssSelector("a.row-link"))).extracting(WebElement::getText).first().isEqualTo(itemId);

        new Actions(browser).sendKeys("j").perform();
        assertThat(browser.switchTo().activeElement().getText()).isEqualTo(itemId);
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        wait.until(ExpectedConditions.urlContains("/ui/items/" + itemId));

        List<String> conversation = browser.findElements(By.cssSelector("li.message .current .text")).stream().map(WebElement::getText).toList();
        assertThat(conversation).containsSubsequence(BEFORE.get(0), BEFORE.get(1), FLAGGED, AFTER.get(0), AFTER.get(1));
        WebElement underReview = browser.findElement(By.cssSelector("li.message.under-review"));
        WebElement hit = underReview.findElement(By.tagName("mark"));
        assertThat(hit.getText()).isEqualTo("text me on my personal");
        assertThat(hit.isDisplayed()).isTrue();
        assertThat(hit.getAttribute("title")).isEqualTo("off-channel / personal-device");
        for (String context : List.of(BEFORE.get(1), AFTER.get(0))) {
            WebElement message = browser.findElement(By.xpath("//li[contains(@class,'message')][.//p[@class='text' and normalize-space()=\""
                    + context + "\"]]"));
            assertThat(message.isDisplayed()).as(context).isTrue();
        }

        new Actions(browser).sendKeys("c").perform();
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("comment");
        new Actions(browser).sendKeys("Customer asks to move off the recorded channel; RM should be reminded").perform();
        Files.createDirectories(SCREENSHOT.getParent());
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
        new Actions(browser).sendKeys(Keys.ESCAPE).sendKeys("e").perform();

        wait.until(ExpectedConditions.urlContains("/ui/queue"));
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains(itemId).contains("escalated to sam");

        Map<String, Object> item = itemThroughApi("compliance", itemId);
        assertThat(item).containsEntry("state", "in_review").containsEntry("outcome", "escalated").containsEntry("assignee", "sam");
        assertThat((List<Map<String, Object>>) item.get("decisions")).singleElement().satisfies(decision -> assertThat(decision)
                .containsEntry("decidedBy", "rita").containsEntry("outcome", "escalated").containsEntry("escalatedTo", "sam")
                .containsEntry("comment", "Customer asks to move off the recorded channel; RM should be reminded"));
        List<Map<String, Object>> trail = (List<Map<String, Object>>) as("auditor").getForObject("/api/audit?actor=rita&size=200", Map.class)
                .get("items");
        assertThat(trail).anySatisfy(entry -> assertThat(entry).containsEntry("action", "sign-in").containsEntry("outcome", "success")
                .containsEntry("details", "web"));
        assertThat(trail.stream().filter(entry -> itemId.equals(entry.get("target"))).map(entry -> entry.get("action") + " " + entry.get("outcome")))
                .contains("review.open success", "review.decision success");
        assertThat(SCREENSHOT).isNotEmptyFile();
    }

    private static String setting(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
