package org.dynreg.console;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's chromium, driven through its chromedriver (never a downloaded browser or driver: Selenium is given
 * both paths, so it looks nothing up), headless at a 1366x768 laptop's size. Where no browser is installed the
 * test fails under CI (CI=true) and is skipped on a developer's machine. Pages are checked with axe-core (no
 * serious or critical violation) and photographed into docs/images/console-*.png.
 */
public final class ConsoleBrowser implements AutoCloseable {
    public static final Path CHROMIUM = Paths.get(System.getProperty("dynreg.test.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Paths.get(System.getProperty("dynreg.test.chromedriver", "/usr/bin/chromedriver"));
    private static final String AXE = "META-INF/resources/webjars/axe-core/" + axeVersion() + "/axe.min.js";

    public final ChromeDriver driver;
    private final String base;
    private final Path profile;

    private ConsoleBrowser(ChromeDriver driver, String base, Path profile) {
        this.driver = driver;
        this.base = base;
        this.profile = profile;
    }

    /** A browser on the service at {@code base} (http://localhost:port), in English unless the user chose otherwise. */
    public static ConsoleBrowser open(String base) {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            String why = "no browser: " + CHROMIUM + " and " + CHROMEDRIVER + " are needed (apt-get install chromium chromium-driver)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(why);
            }
            Assumptions.abort(why);
        }
        try {
            Path profile = Files.createTempDirectory("dynreg-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-extensions", "--force-prefers-reduced-motion", "--lang=en-GB", "--window-size=1366,768", "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().window().setSize(new Dimension(1366, 768));
            return new ConsoleBrowser(driver, base, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void go(String path) {
        driver.get(base + path);
    }

    /** Signs in through the form as a local user (password {@code user + "-pass"}). */
    public void signIn(String user) {
        signIn(user, user + "-pass");
    }

    public void signIn(String user, String password) {
        driver.manage().deleteAllCookies();
        go("/login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form[action$='/login'] button[type=submit]")).click();
        waitUntil(d -> !d.getCurrentUrl().endsWith("/login"));
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    /** Waits (up to 2 min, for a loaded machine) for an element, e.g. one htmx puts in the page; waiting is not what the test asserts. */
    public WebElement waitFor(By by) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Waits for a condition; an element replaced while the page loads is looked up again, not a failure. */
    public void waitUntil(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        waiting().until(condition::apply);
    }

    /** Waits until the text appears in the element. */
    public void waitForText(By by, String text) {
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    /**
     * A wait that looks again when the page was replaced under it (a stale element, or the browser's "node does not
     * belong to the document" while a new page loads); on timeout the last such failure is its cause.
     */
    private WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(120));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        wait.ignoring(org.openqa.selenium.WebDriverException.class);
        return wait;
    }

    /** The tablet of a registration centre: a 10-inch screen, 800x1280 in portrait. */
    public void tablet() {
        driver.manage().window().setSize(new Dimension(800, 1280));
    }

    public void laptop() {
        driver.manage().window().setSize(new Dimension(1366, 768));
    }

    /** The page needs no sideways scrolling at the window's present width. */
    public void assertFitsWidth() {
        Object overflow = ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).as("horizontal overflow of %s in px", driver.getCurrentUrl()).isLessThanOrEqualTo(1);
    }

    /** axe-core over the whole page: no violation of serious or critical impact. */
    @SuppressWarnings("unchecked")
    public void assertAccessible() {
        JavascriptExecutor js = driver;
        js.executeScript(axeSource());
        Object result = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                + "  done(r.violations.map(function (v) { return {id: v.id, impact: v.impact, help: v.help,"
                + "    nodes: v.nodes.map(function (n) { return n.target.join(' '); }).slice(0, 5)}; }));"
                + "}, function (e) { done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]); });");
        List<Map<String, Object>> violations = (List<Map<String, Object>>) result;
        List<String> grave = violations.stream().filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
                .map(v -> v.get("impact") + " " + v.get("id") + ": " + v.get("help") + " at " + v.get("nodes")).collect(Collectors.toList());
        assertThat(grave).as("axe-core on %s", driver.getCurrentUrl()).isEmpty();
    }

    /** A screenshot of the page as docs/images/console-{name}.png in the repository. */
    public Path screenshot(String name) {
        Path to = repository().resolve("docs/images/console-" + name + ".png");
        try {
            Files.createDirectories(to.getParent());
            Files.write(to, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }

    /** The language the page says it is in, and its direction. */
    public String direction() {
        return driver.findElement(By.tagName("html")).getAttribute("dir");
    }

    /** Chooses a language with the layout's switch (kept with the user). */
    public void chooseLanguage(String tag) {
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("language"))).selectByValue(tag);
        driver.findElement(By.cssSelector("form[action$='/language'] button[type=submit]")).click();
        waitUntil(d -> tag.equals(d.findElement(By.tagName("html")).getAttribute("lang")));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary profile left behind does no harm
            }
        }
    }

    private static Path repository() {
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null && !(Files.isDirectory(dir.resolve("docs")) && Files.isDirectory(dir.resolve("service")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("not inside the repository: " + Paths.get("").toAbsolutePath());
        }
        return dir;
    }

    private static String axeSource() {
        try (InputStream in = ConsoleBrowser.class.getClassLoader().getResourceAsStream(AXE)) {
            if (in == null) {
                throw new IllegalStateException("axe-core is not on the test classpath at " + AXE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String axeVersion() {
        try (InputStream in = ConsoleBrowser.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
            java.util.Properties p = new java.util.Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "4.6.3");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
