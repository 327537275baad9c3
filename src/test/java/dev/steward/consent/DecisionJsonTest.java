package dev.steward.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class DecisionJsonTest {

    private static final JsonMapper JACKSON = JsonMapper.builder().build();

    private final DecisionJson ours = new DecisionJson(JACKSON);

    @Test
    void writesWhatJacksonWritesForEveryShapeOfDecision() {
        Instant at = Instant.parse("2026-12-05T09:30:00.123Z");
        ConsentDecision.DecidingEvent event = new ConsentDecision.DecidingEvent(
                UUID.fromString("0192f7a4-5b6c-7d8e-9fa0-b1c2d3e4f506"),
                42,
                "confirmed",
                Instant.parse("2026-01-02T03:04:05.678901Z"),
                "2026-01",
                "/receipts/0192f7a4-5b6c-7d8e-9fa0-b1c2d3e4f506");
        List<ConsentDecision.Basis> consent = List.of(new ConsentDecision.Basis("gdpr-6-1-a", "Art. 6(1)(a) GDPR"));
        assertSame(decision(true, "consent-confirmed", "olympus-ims", "a", "eu", consent, event, at));
        assertSame(decision(false, "unknown-subject", "lab", null, null, List.of(), null, at));
        assertSame(decision(
                true,
                "legal-basis",
                "lab",
                "b",
                "us-ca",
                List.of(
                        new ConsentDecision.Basis("gdpr-6-1-f", "Art. 6(1)(f) GDPR"),
                        new ConsentDecision.Basis("ccpa", "Cal. Civ. Code § 1798.100")),
                null,
                Instant.EPOCH));
        assertSame(decision(false, "no-consent", "lab", "c", "eu", consent, null, Instant.MAX));
        assertSame(decision(false, "no-consent", "lab", "c", "eu", consent, event, Instant.MIN));
    }

    @Test
    void textsThatNeedEscapesAreEscapedAsJacksonEscapesThem() {
        List<String> texts = List.of(
                "quote \" and backslash \\",
                "tab\tnew line\ncarriage return\rform feed\fbackspace\b",
                "\u0000\u0001\u001f\u007f control",
                "Grüße, «consentement», согласие, 同意",
                "emoji \ud83d\udc4d",
                "slash / and </script> and \u2028 \u2029",
                "");
        for (String text : texts) {
            ConsentDecision.DecidingEvent event = new ConsentDecision.DecidingEvent(
                    UUID.randomUUID(), Long.MAX_VALUE, text, Instant.now(), text, "/receipts/" + text);
            assertSame(new ConsentDecision(
                    text,
                    false,
                    text,
                    text,
                    text,
                    text,
                    text,
                    text,
                    List.of(new ConsentDecision.Basis(text, text)),
                    event,
                    Instant.now()));
        }
    }

    @Test
    void randomDecisionsAndManyDistinctTextsBeyondWhatIsKept() {
        SplittableRandom random = new SplittableRandom(5);
        List<ConsentDecision> decisions = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            String site = "site-" + random.nextInt(3_000);
            ConsentDecision.DecidingEvent event = random.nextBoolean()
                    ? null
                    : new ConsentDecision.DecidingEvent(
                            new UUID(random.nextLong(), random.nextLong()),
                            random.nextLong(0, Long.MAX_VALUE),
                            random.nextBoolean() ? "given" : "withdrawn",
                            Instant.ofEpochSecond(random.nextLong(0, 253_402_300_799L), random.nextInt(1_000_000_000)),
                            "v" + random.nextInt(100),
                            "/receipts/" + UUID.randomUUID());
            decisions.add(decision(
                    random.nextBoolean(),
                    "reason-" + random.nextInt(2_000),
                    site,
                    random.nextInt(10) == 0 ? null : new UUID(random.nextLong(), random.nextLong()).toString(),
                    random.nextBoolean() ? null : "j" + random.nextInt(50),
                    random.nextBoolean()
                            ? List.of()
                            : List.of(new ConsentDecision.Basis("k" + random.nextInt(10), "c" + random.nextInt(10))),
                    event,
                    Instant.ofEpochSecond(random.nextLong(0, 4_000_000_000L), random.nextInt(4) * 250_000_000)));
        }
        for (ConsentDecision decision : decisions) {
            assertSame(decision);
        }
    }

    @Test
    void theStreamGetsTheSameBytesInOneWriteAndTheBufferIsReused() throws IOException {
        ConsentDecision big = decision(
                false, "x".repeat(5_000), "lab", "s", "eu", List.of(), null, Instant.parse("2026-12-05T00:00:00Z"));
        ConsentDecision small = decision(false, "no-consent", "lab", "s", "eu", List.of(), null, Instant.EPOCH);
        for (ConsentDecision decision : List.of(small, big, small)) {
            CountingStream out = new CountingStream();
            ours.write(decision, out);
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(JACKSON.writeValueAsString(decision));
            assertThat(out.writes).isEqualTo(1);
        }
    }

    private void assertSame(ConsentDecision decision) {
        assertThat(new String(ours.bytes(decision), StandardCharsets.UTF_8))
                .isEqualTo(new String(JACKSON.writeValueAsBytes(decision), StandardCharsets.UTF_8));
    }

    private static ConsentDecision decision(
            boolean allowed,
            String reason,
            String site,
            @Nullable String subject,
            @Nullable String jurisdiction,
            List<ConsentDecision.Basis> bases,
            ConsentDecision.@Nullable DecidingEvent event,
            Instant at) {
        return new ConsentDecision(
                allowed ? "allowed" : "denied",
                allowed,
                reason,
                "The explanation of " + reason + ".",
                site,
                subject,
                "newsletter",
                jurisdiction,
                bases,
                event,
                at);
    }

    private static final class CountingStream extends ByteArrayOutputStream {

        int writes;

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            writes++;
            super.write(bytes, offset, length);
        }
    }
}
