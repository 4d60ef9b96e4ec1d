package io.labelloop.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium from the Debian packages, driven through /usr/bin/chromedriver so that
 * Selenium Manager never tries to download a browser. One per test class: starting one costs ~1 s.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(15);

    final ChromeDriver driver;
    private final String baseUrl;
    private final Path profile;

    private Browser(ChromeDriver driver, String baseUrl, Path profile) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.profile = profile;
    }

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    static Browser start(String baseUrl) throws IOException {
        Path profile = Files.createTempDirectory("labelloop-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1366,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options), baseUrl, profile);
    }

    void open(String path) {
        driver.get(baseUrl + path);
    }

    /** Signs in through the login view, as a person would. */
    void signIn(String user, String password) {
        driver.manage().deleteAllCookies();
        open("login");
        fillLogin(user, password);
    }

    /** Fills and submits the login form the browser shows now (after a redirect to it). */
    void fillLogin(String user, String password) {
        WebElement name = waitFor(By.cssSelector("vaadin-login-form input[name='username']"));
        name.sendKeys(user);
        driver.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys(password);
        driver.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")).click();
        until(d -> !d.getCurrentUrl().contains("/login"));
        waitFor(By.id("current-user"));
    }

    WebElement waitFor(By by) {
        return until(d -> d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    /** Finds and clicks in one retried step: a view that re-renders as it polls would leave a found element stale. */
    void click(By by) {
        until(d -> {
            WebElement element = waitFor(by);
            // centred, so that the app layout's fixed navbar cannot be the element hit at the click point
            js("arguments[0].scrollIntoView({block: 'center'})", element);
            element.click();
            return true;
        });
    }

    <T> T until(Function<WebDriver, T> condition) {
        return until(WAIT, condition);
    }

    /** As {@link #until(Function)}, for what takes longer than a page's round trips (a long task, a restart). */
    <T> T until(Duration wait, Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, wait).ignoring(RuntimeException.class).until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            Path shot = screenshot("failure-" + System.currentTimeMillis());
            throw new AssertionError("Timed out on " + driver.getCurrentUrl() + " (screenshot " + shot + "): "
                    + js("return document.body.innerText"), e);
        }
    }

    String text(By by) {
        return waitFor(by).getText();
    }

    /** The id of the record the labeling view shows, or null when it shows none. */
    String recordId() {
        return (String) js("return document.getElementById('record-card')?.dataset.recordId ?? null");
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Waits for Vaadin to finish its round trips, so that what we read is what the server sent. */
    void settle() {
        until(d -> Boolean.TRUE.equals(js("return !!window.Vaadin && !!window.Vaadin.Flow && "
                + "Object.values(window.Vaadin.Flow.clients || {}).every(c => !c.isActive())")));
    }

    /** Writes a PNG under target/screenshots (surefire's working directory is the module). */
    Path screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
