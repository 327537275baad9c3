package dev.steward.platform;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * Whether an IP address is globally routable, after the IANA IPv4 and IPv6 Special-Purpose Address Registries
 * (RFC 6890 and its successors) and the multicast and reserved space. No maintained Java library classifies addresses
 * this way (the JDK's {@code InetAddress.is*} methods know loopback, link-local, RFC 1918 and multicast only), so the
 * blocks are listed here and each is tested. Where the registry allows a few global services inside a block (the
 * anycast addresses in 192.0.0.0/24 and 2001::/23) the whole block is refused: no data recipient listens there.
 * IPv4-mapped IPv6 addresses ({@code ::ffff:a.b.c.d}) arrive as the IPv4 address they are (the JDK converts them), and
 * a 6to4 address is judged by the IPv4 address it embeds.
 */
public final class PublicAddresses {

    private static final List<Block> NOT_PUBLIC_V4 = blocks(
            "0.0.0.0/8", // "this network", the unspecified address
            "10.0.0.0/8", // private
            "100.64.0.0/10", // shared address space, carrier-grade NAT
            "127.0.0.0/8", // loopback
            "169.254.0.0/16", // link-local, cloud metadata services
            "172.16.0.0/12", // private
            "192.0.0.0/24", // IETF protocol assignments
            "192.0.2.0/24", // documentation (TEST-NET-1)
            "192.88.99.0/24", // 6to4 relay anycast, deprecated
            "192.168.0.0/16", // private
            "198.18.0.0/15", // benchmarking
            "198.51.100.0/24", // documentation (TEST-NET-2)
            "203.0.113.0/24", // documentation (TEST-NET-3)
            "224.0.0.0/4", // multicast
            "240.0.0.0/4" // reserved, and the limited broadcast 255.255.255.255
            );

    /** Global unicast: no other IPv6 space is routable on the internet. */
    private static final Block GLOBAL_UNICAST = Block.of("2000::/3");

    private static final List<Block> NOT_PUBLIC_V6 = blocks(
            "2001::/23", // IETF protocol assignments: Teredo (2001::/32), benchmarking (2001:2::/48), ORCHID
            "2001:db8::/32", // documentation
            "3fff::/20", // documentation
            "5f00::/16" // segment routing (SRv6) identifiers
            );

    private static final Block SIX_TO_FOUR = Block.of("2002::/16");

    private PublicAddresses() {}

    public static boolean isPublic(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return NOT_PUBLIC_V4.stream().noneMatch(block -> block.contains(bytes));
        }
        if (!GLOBAL_UNICAST.contains(bytes) || NOT_PUBLIC_V6.stream().anyMatch(block -> block.contains(bytes))) {
            return false;
        }
        return !SIX_TO_FOUR.contains(bytes) || isPublic(v4(Arrays.copyOfRange(bytes, 2, 6)));
    }

    /**
     * A dotted number with a part that starts with 0 ({@code 0177.0.0.1}): Java reads it as decimal (177.0.0.1, a
     * public address), other programs (curl, browsers, proxies) as octal (127.0.0.1), so what was checked need not be
     * where a request through them goes.
     */
    public static boolean leadingZero(String host) {
        return host.matches("[0-9.]+")
                && Arrays.stream(host.split("\\.")).anyMatch(part -> part.length() > 1 && part.startsWith("0"));
    }

    private static InetAddress v4(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static List<Block> blocks(String... cidrs) {
        return Arrays.stream(cidrs).map(Block::of).toList();
    }

    /** A network written as address/prefix length. */
    private record Block(byte[] network, int prefix) {

        static Block of(String cidr) {
            int slash = cidr.indexOf('/');
            try {
                return new Block(
                        InetAddress.getByName(cidr.substring(0, slash)).getAddress(),
                        Integer.parseInt(cidr.substring(slash + 1)));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(cidr, e);
            }
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = prefix / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            int mask = (0xff << (8 - rest)) & 0xff;
            return rest == 0 || (address[whole] & mask) == (network[whole] & mask);
        }
    }
}
