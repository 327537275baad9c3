package dev.steward.rights;

import dev.steward.platform.FieldError;
import dev.steward.platform.OutboundAddresses;
import dev.steward.platform.Phrase;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Where a visitor may have their data transferred (portability): an HTTPS address on the public internet, every
 * address of its host globally routable ({@link OutboundAddresses}), so a request cannot make Steward send data to its
 * own infrastructure. The connection that sends the data checks the address again.
 */
@Component
class TransferTargets {

    private final OutboundAddresses addresses;

    TransferTargets(OutboundAddresses addresses) {
        this.addresses = addresses;
    }

    Optional<FieldError> check(@Nullable String target) {
        if (target == null || target.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(target.strip());
            if (uri.getHost() == null || uri.getUserInfo() != null) {
                return error(Phrase.of("error.rights.transferTo.incomplete"));
            }
            // plain http only to this machine by name, where development allows it
            if (!"https".equals(uri.getScheme())
                    && !("http".equals(uri.getScheme()) && addresses.localhost(uri.getHost()))) {
                return error(Phrase.of("error.rights.transferTo.not-https"));
            }
            return addresses.refusal(uri.getHost()).flatMap(TransferTargets::error);
        } catch (URISyntaxException e) {
            return error(Phrase.of("error.rights.transferTo.incomplete"));
        }
    }

    private static Optional<FieldError> error(Phrase message) {
        return Optional.of(new FieldError("transferTo", "invalid-target", message));
    }
}
