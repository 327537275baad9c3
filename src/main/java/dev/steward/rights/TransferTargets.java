package dev.steward.rights;

import dev.steward.platform.FieldError;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where a visitor may have their data transferred (portability): an HTTPS address on the public internet. Addresses
 * inside Steward's own network (loopback, private, link-local) are refused, so a request cannot make Steward send data
 * to its own infrastructure. Tests and local development can allow loopback with
 * {@code steward.rights.allow-loopback-targets}.
 */
@Component
class TransferTargets {

    private final boolean allowLoopback;

    TransferTargets(@Value("${steward.rights.allow-loopback-targets:false}") boolean allowLoopback) {
        this.allowLoopback = allowLoopback;
    }

    Optional<FieldError> check(@Nullable String target) {
        if (target == null || target.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(target.strip());
            if (uri.getHost() == null) {
                return error("Give a full address, such as https://example.org/import.");
            }
            boolean loopback = isLoopback(uri.getHost());
            if (!"https".equals(uri.getScheme()) && !(allowLoopback && loopback)) {
                return error("The address must start with https://.");
            }
            if (internal(uri.getHost()) && !(allowLoopback && loopback)) {
                return error("The address must be on the public internet.");
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return error("Give a full address, such as https://example.org/import.");
        }
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean internal(String host) {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (address.isLoopbackAddress()
                        || address.isSiteLocalAddress()
                        || address.isLinkLocalAddress()
                        || address.isAnyLocalAddress()
                        || address.isMulticastAddress()) {
                    return true;
                }
            }
            return false;
        } catch (UnknownHostException e) {
            return true;
        }
    }

    private static Optional<FieldError> error(String message) {
        return Optional.of(new FieldError("transferTo", "invalid-target", message));
    }
}
