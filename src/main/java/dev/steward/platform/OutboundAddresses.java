package dev.steward.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Where Steward may connect to send a person's data elsewhere (webhooks, portability transfers): only to a host all
 * of whose addresses are public ({@link PublicAddresses}). The same check answers a request naming an address and
 * resolves the address the connection then goes to, so that a name resolving to a public address when asked and to
 * an inside one when connecting (DNS rebinding) is refused. For development and tests, {@code
 * steward.outbound.allow-loopback} lets the name {@code localhost} (and no address literal) reach this machine.
 */
@Component
public class OutboundAddresses {

    private final boolean allowLoopback;
    private final Lookup lookup;

    @Autowired
    OutboundAddresses(OutboundSettings settings) {
        this(settings.allowLoopback(), InetAddress::getAllByName);
    }

    OutboundAddresses(boolean allowLoopback, Lookup lookup) {
        this.allowLoopback = allowLoopback;
        this.lookup = lookup;
    }

    /** Resolves a host name, or parses an address literal, as the system does. */
    interface Lookup {
        InetAddress[] all(String host) throws UnknownHostException;
    }

    /** The addresses to connect to; refused unless every one is public. */
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = lookup.all(host);
        boolean allowed = localhost(host)
                ? Arrays.stream(addresses).allMatch(InetAddress::isLoopbackAddress)
                : Arrays.stream(addresses).allMatch(PublicAddresses::isPublic);
        if (!allowed) {
            throw new NonPublicAddressException();
        }
        return addresses;
    }

    /** Why a URL's host may not be connected to, in words for the person who gave it; empty when it may. */
    public Optional<Phrase> refusal(String host) {
        if (PublicAddresses.leadingZero(host)) {
            return Optional.of(Phrase.of("error.platform.address.leading-zero"));
        }
        try {
            resolve(host);
            return Optional.empty();
        } catch (NonPublicAddressException e) {
            return Optional.of(Phrase.of("error.platform.address.not-public"));
        } catch (UnknownHostException e) {
            return Optional.of(Phrase.of("error.platform.address.unknown-host"));
        }
    }

    /** Whether the host is this machine by name, and that is allowed here (development and tests). */
    public boolean localhost(String host) {
        return allowLoopback && "localhost".equals(host.toLowerCase(Locale.ROOT));
    }
}
