package io.gream.stack;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

/**
 * One person's browser: Debian's headless Chromium driven through its own chromedriver. Selenium is given both
 * paths, so Selenium Manager never looks for (or downloads) a browser or a driver; this machine has no internet.
 *
 * <p>Without Chromium the browser tests are skipped with a message, except when {@code CI=true}: there they fail,
 * since a CI run that skipped them would prove nothing about the page.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("GREAM_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("GREAM_CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Duration WAIT = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final String baseUrl;

    private Browser(ChromeDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    /** Skips the calling test (or fails it on CI) when this machine has no Chromium. */
    static void requireChromium() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing: install"
                    + " Debian's chromium and chromium-driver (.ci/run does) - browser tests must run on CI");
        }
        Assumptions.assumeTrue(present, "Browser tests skipped: no " + CHROMIUM + " and " + CHROMEDRIVER
                + " (apt-get install chromium chromium-driver); they never skip when CI=true");
    }

    static Browser open(String baseUrl, int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=" + width + "," + height, "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
        return new Browser(driver, baseUrl);
    }

    /** Loads a page of the app, e.g. {@code go("#/sell")}. */
    Browser go(String hash) {
        driver.get(baseUrl + "/" + hash);
        return this;
    }

    /** Signs in as {@code user} through the page's own sign-in form (a development token). */
    Browser signIn(String user) {
        go("#/signin");
        WebElement name = waitFor(ExpectedConditions.elementToBeClickable(By.id("signin-user")));
        name.clear();
        name.sendKeys(user);
        find("#signin-submit").click();
        waitFor(ExpectedConditions.textToBe(By.id("current-user"), user));
        return this;
    }

    WebElement find(String css) {
        return waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    String text(String css) {
        return find(css).getText();
    }

    /** Waits until the element's text contains {@code expected}; returns its text then. */
    String awaitText(String css, String expected) {
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), expected));
        return text(css);
    }

    <T> T waitFor(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).until(condition);
    }

    WebDriver driver() {
        return driver;
    }

    /** Saves a PNG of the viewport under target/screenshots (test output, never committed from there). */
    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File png = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(png.toPath(), SCREENSHOTS.resolve(name + ".png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("could not save screenshot " + name, e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
