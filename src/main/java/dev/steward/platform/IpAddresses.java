package dev.steward.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/** Shortens IP addresses so they no longer single out a machine: IPv4 to its /24 network, IPv6 to its /48. */
public final class IpAddresses {

    private IpAddresses() {}

    /** The truncated address, or null for text that is not a literal IP address (it is never resolved). */
    public static @Nullable String truncate(@Nullable String address) {
        if (address == null || !looksLiteral(address)) {
            return null;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            int keep = bytes.length == 4 ? 3 : 6;
            Arrays.fill(bytes, keep, bytes.length, (byte) 0);
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static boolean looksLiteral(String address) {
        return address.matches("[0-9.]{7,15}") || (address.contains(":") && address.matches("[0-9a-fA-F:.]{2,45}"));
    }
}
