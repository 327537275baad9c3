package dev.steward.rights;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Sends a subject's portable data directly to the address they gave (GDPR Art. 20(2)), checking the address again at
 * the moment of sending, and records the transfer in the request's history.
 */
@Component
class PortabilityTransfers {

    private final TransferTargets targets;
    private final RequestRecords records;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    PortabilityTransfers(TransferTargets targets, RequestRecords records) {
        this.targets = targets;
        this.records = records;
    }

    /** Answers a sentence for the requester about the transfer. */
    String push(RightsRequest request, String target, byte[] document) {
        if (targets.check(target).isPresent()) {
            records.log(request, "transfer-refused", "steward", "Not sent: the address is not allowed.");
            return "We could not send your data to the address you gave: it is not a public HTTPS address.";
        }
        String host = URI.create(target).getHost();
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(URI.create(target))
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(document))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            boolean accepted = response.statusCode() / 100 == 2;
            records.log(
                    request,
                    accepted ? "transferred" : "transfer-failed",
                    "steward",
                    "Sent to " + host + ": HTTP " + response.statusCode());
            return accepted
                    ? "We also sent it to " + host + ", which accepted it."
                    : "We tried to send it to " + host + ", which refused it (HTTP " + response.statusCode() + ").";
        } catch (IOException e) {
            records.log(
                    request,
                    "transfer-failed",
                    "steward",
                    "Could not reach " + host + ": " + e.getClass().getSimpleName());
            return "We could not reach " + host + " to send it there.";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "We could not finish sending it to " + host + ".";
        }
    }
}
