package dev.steward.platform;

import java.net.UnknownHostException;

/**
 * An outbound address that names, or resolves to, an address that is not globally routable: Steward does not connect
 * there, so that no request can make it reach its own network. The message names no host.
 */
public class NonPublicAddressException extends UnknownHostException {

    NonPublicAddressException() {
        super("the address is not a public internet address");
    }
}
