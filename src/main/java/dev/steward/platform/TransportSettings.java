package dev.steward.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns Steward's transport settings into the Spring Boot and Tomcat settings that carry them out, before anything
 * is created from them:
 * <ul>
 *   <li>{@code steward.tls.certificate} and {@code steward.tls.private-key} (PEM files) become the SSL bundle
 *       {@code steward} that the server listens with, reloaded when the files change (certificate renewal without a
 *       restart);
 *   <li>{@code steward.trusted-proxies} (addresses or CIDR blocks) become the only addresses whose
 *       {@code X-Forwarded-For} and {@code X-Forwarded-Proto} Tomcat believes; a bare address is one host, never a
 *       regular expression (Tomcat would read {@code 10.0.0.1} as one, matching {@code 10a0b0c1} too);
 *   <li>an https {@code steward.public-url} marks the session cookie {@code Secure}.
 * </ul>
 * Runs after the configuration files are read, so the {@code STEWARD_*} variables have arrived in them.
 */
public class TransportSettings implements EnvironmentPostProcessor, Ordered {

    static final String BUNDLE = "steward";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> derived = new HashMap<>();
        String certificate = environment.getProperty("steward.tls.certificate", "");
        String privateKey = environment.getProperty("steward.tls.private-key", "");
        if (certificate.isBlank() != privateKey.isBlank()) {
            throw new InvalidSettingException(
                    "Built-in TLS needs both STEWARD_TLS_CERTIFICATE and STEWARD_TLS_PRIVATE_KEY, or neither.");
        }
        if (!certificate.isBlank()) {
            String bundle = "spring.ssl.bundle.pem." + BUNDLE + ".";
            derived.put("server.ssl.bundle", BUNDLE);
            derived.put(bundle + "keystore.certificate", location(certificate));
            derived.put(bundle + "keystore.private-key", location(privateKey));
            derived.put(bundle + "reload-on-update", "true");
        }
        derived.put(
                "server.tomcat.remoteip.internal-proxies",
                proxies(environment.getProperty("steward.trusted-proxies", "")));
        if (environment.getProperty("steward.public-url", "").startsWith("https:")) {
            derived.put("server.servlet.session.cookie.secure", "true");
        }
        environment.getPropertySources().addFirst(new MapPropertySource("stewardTransport", derived));
    }

    /** A path as a Spring resource location; one already written as a location stays as it is. */
    private static String location(String path) {
        return path.contains(":") ? path : "file:" + path;
    }

    /** The CIDR list Tomcat matches proxies with; nothing when none is trusted. */
    static String proxies(String setting) {
        return Arrays.stream(setting.split(","))
                .map(String::strip)
                .filter(entry -> !entry.isEmpty())
                .map(TransportSettings::block)
                .collect(Collectors.joining(", "));
    }

    private static String block(String entry) {
        int slash = entry.indexOf('/');
        String address = slash < 0 ? entry : entry.substring(0, slash);
        // literals only: anything else would be looked up in the DNS
        boolean v4 = address.matches("\\d{1,3}(\\.\\d{1,3}){3}")
                && Arrays.stream(address.split("\\.")).allMatch(octet -> Integer.parseInt(octet) <= 255);
        boolean literal = v4 || address.matches("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");
        if (!literal) {
            throw invalidProxy(entry);
        }
        try {
            int bits = InetAddress.getByName(address).getAddress().length * 8;
            int prefix = slash < 0 ? bits : Integer.parseInt(entry.substring(slash + 1));
            if (prefix < 0 || prefix > bits) {
                throw invalidProxy(entry);
            }
            return address + "/" + prefix;
        } catch (UnknownHostException | NumberFormatException e) {
            throw invalidProxy(entry);
        }
    }

    private static InvalidSettingException invalidProxy(String entry) {
        return new InvalidSettingException("STEWARD_TRUSTED_PROXIES: '" + entry
                + "' is neither an IP address nor a CIDR block (write addresses like 10.0.0.5 or 10.0.0.0/24).");
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
