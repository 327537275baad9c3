package dev.steward.staff;

import dev.steward.platform.StewardProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Tells the operator at every start where Steward listens and how to sign in. On a console it is the framed banner
 * of the README; with structured (JSON) logs it is one log event, because such logs are shipped and kept where many
 * can read them: a generated first password then never goes into the log but into a file under the data directory
 * that only Steward's user can read (as Jenkins does with its initial admin password), and the event names the file.
 */
@Component
class StartBanner {

    static final String PASSWORD_FILE = "initial-admin-password";

    private static final Logger log = LoggerFactory.getLogger(StartBanner.class);

    private final StewardProperties properties;
    private final Environment environment;

    StartBanner(StewardProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    /** How the administrator signs in: a generated password (shown once), or one set by the operator. */
    record SignIn(@Nullable String generatedPassword, boolean fromEnvironment) {}

    void announce(SignIn signIn) {
        String local = "http://localhost:" + environment.getProperty("local.server.port", "8080");
        String published = properties.publicUrl().replaceAll("/+$", "");
        String url = isLocal(published) ? local : published;
        if (structured()) {
            logEvent(url, local, signIn);
        } else {
            System.out.println("""

                    ==============================================================================
                      Steward is running at %s/%s
                      Staff console: %s/admin
                      Sign in as %s
                    ==============================================================================
                    """.formatted(
                            url, url.equals(local) ? "" : " (listening at " + local + "/)", url, onConsole(signIn)));
        }
    }

    private boolean structured() {
        String format = environment.getProperty("logging.structured.format.console");
        return format != null && !format.isBlank();
    }

    private void logEvent(String url, String local, SignIn signIn) {
        Path file = properties.dataDir().resolve(PASSWORD_FILE);
        String how;
        if (signIn.generatedPassword() != null) {
            write(file, signIn.generatedPassword());
            how = "user 'admin' with the generated password in " + file.toAbsolutePath()
                    + " (readable by Steward's user only; delete the file once you have signed in)";
        } else {
            how = onConsole(signIn);
        }
        log.atInfo()
                .setMessage("Steward is running at {}/ (staff console {}/admin); sign in as {}")
                .addArgument(url)
                .addArgument(url)
                .addArgument(how)
                .addKeyValue("steward.url", url + "/")
                .addKeyValue("steward.local_url", local + "/")
                .addKeyValue("steward.console_url", url + "/admin")
                .log();
        if (signIn.generatedPassword() == null && Files.exists(file)) {
            log.warn("{} still holds the first administrator password: delete it", file);
        }
    }

    private static String onConsole(SignIn signIn) {
        if (signIn.generatedPassword() != null) {
            return "user 'admin', password '" + signIn.generatedPassword() + "' (shown only this once: note it now)";
        }
        return signIn.fromEnvironment()
                ? "user 'admin' with the password in STEWARD_ADMIN_PASSWORD"
                : "user 'admin' with the password set at first start";
    }

    private static boolean isLocal(String url) {
        String host = URI.create(url).getHost();
        return host == null || host.equals("localhost") || host.equals("127.0.0.1");
    }

    private static void write(Path file, String password) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the first administrator password to " + file, e);
        }
    }
}
