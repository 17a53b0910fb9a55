package telegraph.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium, recording what the tests assert on: every
 * request the browser makes (performance log, Network.requestWillBeSent) and every console
 * message of level error (browser log, which also carries uncaught exceptions and failed loads).
 * Both logs are read through chromedriver, so no CDP version has to match the browser.
 */
public final class Chromium implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private static final ObjectMapper JSON = new ObjectMapper();

    public final ChromeDriver driver;
    private final List<String> requests = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    /** Starts a browser with a fresh profile in {@code profile}; fails clearly if none is installed. */
    public Chromium(Path profile) {
        if (!Files.isExecutable(BINARY) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("browser tests need Debian's Chromium and its driver at " + BINARY + " and "
                    + DRIVER + ": apt-get install -y chromium chromium-driver");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--disable-extensions", "--lang=zh-CN",
                // belt and braces: any host but the local server fails to resolve; the request
                // would still be recorded and fail the test
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                "--window-size=1280,1000", "--user-data-dir=" + profile.toAbsolutePath());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        // the browser's own start page (chrome://new-tab-page) is not the site: start counting here
        driver.get("about:blank");
        clear();
    }

    public WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    public Object js(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    public void cdp(String command, Map<String, Object> params) {
        driver.executeCdpCommand(command, params);
    }

    /** Moves what chromedriver has logged since the last call into the lists. */
    void drain() {
        for (LogEntry e : driver.manage().logs().get(LogType.PERFORMANCE)) {
            try {
                JsonNode message = JSON.readTree(e.getMessage()).path("message");
                String method = message.path("method").asText();
                JsonNode params = message.path("params");
                if (method.equals("Network.requestWillBeSent")) {
                    requests.add(params.path("request").path("url").asText());
                } else if (method.equals("Network.webSocketCreated")) {
                    requests.add(params.path("url").asText());
                }
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
        }
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            // Every failed load, console.error or uncaught exception counts (the pages declare an
            // inline icon, so Chromium has no /favicon.ico to probe).
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(e.getMessage());
            }
        }
    }

    /** Every URL requested since the last {@link #clear()}. */
    public List<String> requests() {
        drain();
        return List.copyOf(requests);
    }

    /** Every console error since the last {@link #clear()}. */
    public List<String> errors() {
        drain();
        return List.copyOf(errors);
    }

    void clear() {
        drain();
        requests.clear();
        errors.clear();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
