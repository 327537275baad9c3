package dev.steward.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Receiver;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.core5.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The check on outbound hosts, when an address is given and when the connection is made (DNS rebinding). */
class OutboundAddressesTest {

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor();

    @AfterAll
    static void stopWatchdog() {
        WATCHDOG.shutdownNow();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "[fd00::1]",
                "[64:ff9b::7f00:1]",
                "100.64.0.1",
                "[::ffff:127.0.0.1]",
                "127.0.0.1",
                "[::1]",
                "169.254.169.254",
                "10.1.2.3",
                "[fe80::1]",
                "[2001:db8::1]",
                "0.0.0.0"
            })
    void anAddressLiteralInsideIsRefusedEvenWhereLocalhostIsAllowed(String host) {
        assertThat(new OutboundAddresses(true, InetAddress::getAllByName).refusal(host))
                .contains(Phrase.of("error.platform.address.not-public"));
    }

    @Test
    void localhostIsAllowedByNameOnlyWhereDevelopmentAllowsIt() {
        assertThat(new OutboundAddresses(false, InetAddress::getAllByName).refusal("localhost"))
                .isPresent();
        assertThat(new OutboundAddresses(true, InetAddress::getAllByName).refusal("localhost"))
                .isEmpty();
        assertThat(new OutboundAddresses(true, InetAddress::getAllByName).refusal("LOCALHOST"))
                .isEmpty();
    }

    @Test
    void aHostWithOneInsideAddressAmongPublicOnesIsRefused() {
        OutboundAddresses addresses = new OutboundAddresses(false, host ->
                new InetAddress[] {InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.7")});
        assertThat(addresses.refusal("partner.example")).contains(Phrase.of("error.platform.address.not-public"));
    }

    /** Read as 177.0.0.1 by Java and as 127.0.0.1 by curl and browsers: refused, whatever it would resolve to. */
    @ParameterizedTest
    @ValueSource(strings = {"0177.0.0.1", "10.0.0.01", "08.8.8.8"})
    void anAddressWithALeadingZeroIsRefusedAsAmbiguous(String host) {
        assertThat(new OutboundAddresses(false, InetAddress::getAllByName).refusal(host))
                .contains(Phrase.of("error.platform.address.leading-zero"));
        assertThat(new OutboundAddresses(false, InetAddress::getAllByName).refusal("8.8.8.8"))
                .isEmpty();
    }

    @Test
    void aHostThatCannotBeResolvedIsRefused() {
        assertThat(new OutboundAddresses(false, InetAddress::getAllByName).refusal("no-such-host.invalid"))
                .contains(Phrase.of("error.platform.address.unknown-host"));
    }

    @Test
    void aNameThatResolvesPublicWhenCheckedAndInsideWhenConnectingIsNotConnectedTo() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        OutboundAddresses rebinding = new OutboundAddresses(false, host -> new InetAddress[] {
            lookups.getAndIncrement() == 0 ? InetAddress.getByName("93.184.216.34") : InetAddress.getByName("127.0.0.1")
        });
        try (Receiver inside = Receiver.start(0, "/")) {
            assertThat(rebinding.refusal("partner.example"))
                    .as("the check when the address is given")
                    .isEmpty();

            OutboundHttp http = new OutboundHttp(rebinding, Duration.ofSeconds(2), Duration.ofSeconds(5));
            try {
                assertThat(http.post(
                                URI.create("http://partner.example:" + inside.port() + "/"),
                                Map.of(),
                                ContentType.APPLICATION_JSON,
                                "{}".getBytes(StandardCharsets.UTF_8),
                                lease()))
                        .isEqualTo(new OutboundHttp.Answer(null, "NonPublicAddressException"));
            } finally {
                http.destroy();
            }
            assertThat(inside.received()).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://[fd00::1]/", "http://[::ffff:127.0.0.1]:9/", "http://127.0.0.1:9/"})
    void theConnectionRefusesAnAddressLiteralInsideItself(String url) throws Exception {
        OutboundHttp http = new OutboundHttp(
                new OutboundAddresses(true, InetAddress::getAllByName), Duration.ofSeconds(2), Duration.ofSeconds(30));
        try {
            assertThat(http.post(URI.create(url), Map.of(), ContentType.APPLICATION_JSON, new byte[0], lease()))
                    .isEqualTo(new OutboundHttp.Answer(null, "NonPublicAddressException"));
        } finally {
            http.destroy();
        }
    }

    @Test
    void aRequestStillRunningAtTheLeasesDeadlineIsCutOff() throws Exception {
        try (Receiver slow = Receiver.start(0, "/")) {
            slow.delay(Duration.ofSeconds(20));
            OutboundHttp http = new OutboundHttp(
                    new OutboundAddresses(true, InetAddress::getAllByName),
                    Duration.ofSeconds(2),
                    Duration.ofSeconds(30));
            Lease lease = new Lease(UUID.randomUUID(), Duration.ofSeconds(1), WATCHDOG, () -> false);
            long start = System.nanoTime();
            try {
                OutboundHttp.Answer answer = http.post(
                        URI.create("http://localhost:" + slow.port() + "/"),
                        Map.of(),
                        ContentType.APPLICATION_JSON,
                        new byte[0],
                        lease);
                assertThat(answer.status()).isNull();
                assertThat(answer.error()).isNotNull();
            } finally {
                http.destroy();
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        }
    }

    private static Lease lease() {
        return new Lease(UUID.randomUUID(), Duration.ofMinutes(1), WATCHDOG, () -> false);
    }
}
