package dev.steward.platform;

import java.net.URI;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The address visitors reach Steward at, for what Steward hands out to be fetched later by someone else's browser
 * (the consent script's addresses, a choice's receipts): the configured {@code STEWARD_PUBLIC_URL}, never the
 * request's {@code Host} header, which whoever sends the request chooses. A forged Host would otherwise make the script
 * post visitors' choices, and link their receipts, to a server of the forger's choosing, for as long as any cache kept
 * that answer (attack21).
 */
@Component
public class OwnAddress {

    private final StewardProperties properties;
    private final Environment environment;

    OwnAddress(StewardProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    /** Without a trailing slash; port 0 (any free port, as tests ask) is the port the server was given. */
    public String base() {
        String configured = properties.publicUrl().replaceAll("/+$", "");
        URI uri = URI.create(configured);
        if (uri.getPort() != 0) {
            return configured;
        }
        String port = environment.getProperty("local.server.port", "0");
        return uri.getScheme() + "://" + uri.getHost() + ":" + port
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }
}
