package dev.steward.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every block that is not globally routable, at its first and last address, and its neighbours outside it. */
class PublicAddressesTest {

    @ParameterizedTest(name = "{0} ({2}) refused, {1} refused")
    @CsvSource({
        "0.0.0.0, 0.255.255.255, this network and the unspecified address",
        "10.0.0.0, 10.255.255.255, private",
        "100.64.0.0, 100.127.255.255, carrier-grade NAT",
        "127.0.0.0, 127.255.255.255, loopback",
        "169.254.0.0, 169.254.255.255, link-local and cloud metadata",
        "172.16.0.0, 172.31.255.255, private",
        "192.0.0.0, 192.0.0.255, IETF protocol assignments",
        "192.0.2.0, 192.0.2.255, documentation",
        "192.88.99.0, 192.88.99.255, 6to4 relay anycast",
        "192.168.0.0, 192.168.255.255, private",
        "198.18.0.0, 198.19.255.255, benchmarking",
        "198.51.100.0, 198.51.100.255, documentation",
        "203.0.113.0, 203.0.113.255, documentation",
        "224.0.0.0, 239.255.255.255, multicast",
        "240.0.0.0, 255.255.255.254, reserved",
        "255.255.255.255, 255.255.255.255, limited broadcast",
        "::, ::, unspecified",
        "::1, ::1, loopback",
        "::0.0.0.2, ::255.255.255.255, IPv4-compatible",
        "64:ff9b::, 64:ff9b::ffff:ffff, NAT64",
        "64:ff9b:1::, 64:ff9b:1:ffff:ffff:ffff:ffff:ffff, local-use NAT64",
        "100::, 100::ffff:ffff:ffff:ffff, discard",
        "2001::, 2001:1ff:ffff:ffff:ffff:ffff:ffff:ffff, IETF protocol assignments and Teredo",
        "2001:2::, 2001:2:0:ffff:ffff:ffff:ffff:ffff, benchmarking",
        "2001:db8::, 2001:db8:ffff:ffff:ffff:ffff:ffff:ffff, documentation",
        "3fff::, 3fff:fff:ffff:ffff:ffff:ffff:ffff:ffff, documentation",
        "5f00::, 5f00:ffff:ffff:ffff:ffff:ffff:ffff:ffff, segment routing",
        "fc00::, fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, unique local",
        "fe80::, febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff, link-local",
        "fec0::, feff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, site-local",
        "ff00::, ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, multicast",
    })
    void aBlockThatIsNotGloballyRoutableIsRefusedFromItsFirstToItsLastAddress(String first, String last, String why)
            throws UnknownHostException {
        assertThat(PublicAddresses.isPublic(InetAddress.getByName(first)))
                .as(first)
                .isFalse();
        assertThat(PublicAddresses.isPublic(InetAddress.getByName(last)))
                .as(last)
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "10.0.0.1",
                "100.64.0.1",
                "127.0.0.1",
                "169.254.169.254",
                "172.16.0.1",
                "192.0.2.1",
                "192.168.1.1",
                "198.18.0.1",
                "198.51.100.7",
                "203.0.113.9",
                "224.0.0.1",
                "240.0.0.1",
                "255.255.255.255",
                "0.0.0.0"
            })
    void theIpv4MappedFormOfARefusedAddressIsRefusedToo(String v4) throws UnknownHostException {
        assertThat(PublicAddresses.isPublic(InetAddress.getByName("::ffff:" + v4)))
                .as("::ffff:" + v4)
                .isFalse();
        assertThat(PublicAddresses.isPublic(InetAddress.getByName("0:0:0:0:0:ffff:" + v4)))
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "64:ff9b::7f00:1", // NAT64 of 127.0.0.1
                "64:ff9b::a00:1", // NAT64 of 10.0.0.1
                "64:ff9b::808:808", // NAT64 of a public address: still refused, it names a translator
                "::127.0.0.1", // IPv4-compatible loopback
                "::8.8.8.8", // IPv4-compatible, deprecated
                "2002:7f00:1::", // 6to4 of 127.0.0.1
                "2002:a00:1::1", // 6to4 of 10.0.0.1
                "2002:a9fe:a9fe::1", // 6to4 of 169.254.169.254
                "2002:c0a8:101::1", // 6to4 of 192.168.1.1
                "2001:0:4136:e378:8000:63bf:3fff:fdd2", // Teredo
                "fd00::1",
                "fe80::1"
            })
    void anIpv6FormThatReachesInsideIsRefused(String address) throws UnknownHostException {
        assertThat(PublicAddresses.isPublic(InetAddress.getByName(address)))
                .as(address)
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1.1.1.1",
                "8.8.8.8",
                "9.255.255.255", // just below 10/8
                "11.0.0.0", // just above 10/8
                "100.63.255.255", // just below 100.64/10
                "100.128.0.0", // just above it
                "126.255.255.255",
                "128.0.0.0",
                "169.253.255.255",
                "169.255.0.0",
                "172.15.255.255",
                "172.32.0.0",
                "192.0.1.255",
                "192.0.3.0",
                "192.167.255.255",
                "192.169.0.0",
                "198.17.255.255",
                "198.20.0.0",
                "203.0.112.255",
                "203.0.114.0",
                "223.255.255.255",
                "93.184.216.34",
                "::ffff:8.8.8.8", // IPv4-mapped form of a public address: that public address
                "2606:4700:4700::1111",
                "2a00:1450:4001:81c::200e",
                "2001:200::1", // just above 2001::/23
                "2001:db7:ffff::1",
                "2001:db9::1",
                "2002:5db8:d822::1", // 6to4 of 93.184.216.34
                "3ffe:ffff::1",
                "3fff:1000::1" // just above 3fff::/20
            })
    void aGloballyRoutableAddressIsAllowed(String address) throws UnknownHostException {
        assertThat(PublicAddresses.isPublic(InetAddress.getByName(address)))
                .as(address)
                .isTrue();
    }
}
