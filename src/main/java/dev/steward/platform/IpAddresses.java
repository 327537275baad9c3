package dev.steward.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Shortens IP addresses so they no longer single out a machine: IPv4 to its /24 network, IPv6 to its /48; and names
 * the sender an address stands for when limits count senders.
 */
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

    /**
     * What a limit per sender counts an address as: an IPv4 address itself, an IPv6 address as its /64 network; text
     * that is not a literal address as it is. WHY: an IPv6 subscriber is given a /64 at least and may use any address
     * in it, so a limit per address would give one sender some 2^64 allowances.
     */
    public static String sender(String address) {
        if (!looksLiteral(address)) {
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length == 4) {
                return InetAddress.getByAddress(bytes).getHostAddress();
            }
            Arrays.fill(bytes, 8, bytes.length, (byte) 0);
            return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            return address;
        }
    }

    private static boolean looksLiteral(String address) {
        return address.matches("[0-9.]{7,15}") || (address.contains(":") && address.matches("[0-9a-fA-F:.]{2,45}"));
    }
}
