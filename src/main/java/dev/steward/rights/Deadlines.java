package dev.steward.rights;

import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Jurisdiction;
import dev.steward.catalog.Span;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.stream.LongStream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * How long a request may take, from the catalog: in the EU one month from receipt (GDPR Art. 12(3)), extendable by up
 * to two further months, but only with the reasons given to the requester within the first month. The clock starts
 * when the requester has proved who they are.
 */
@Component
class Deadlines {

    /** Steward's own promise where a jurisdiction states none. */
    static final Span DEFAULT = Span.ofDays(30);

    private final Catalogs catalogs;

    Deadlines(Catalogs catalogs) {
        this.catalogs = catalogs;
    }

    Instant due(String site, String jurisdiction, Instant receivedAt) {
        Span deadline = jurisdiction(site, jurisdiction).requestDeadline();
        return (deadline != null ? deadline : DEFAULT).addTo(receivedAt);
    }

    /**
     * The extensions staff may choose from, in whole months up to the jurisdiction's limit (GDPR: one or two months),
     * or the limit itself where it is not whole months; none where the jurisdiction allows none.
     */
    List<Span> extensionChoices(String site, String jurisdiction) {
        Span allowed = jurisdiction(site, jurisdiction).requestExtension();
        if (allowed == null) {
            return List.of();
        }
        long months = allowed.period().toTotalMonths();
        boolean wholeMonths =
                months > 0 && allowed.period().getDays() == 0 && allowed.time().isZero();
        if (!wholeMonths) {
            return List.of(allowed);
        }
        return LongStream.rangeClosed(1, months)
                .mapToObj(count -> new Span(Period.ofMonths((int) count), Duration.ZERO))
                .toList();
    }

    /** The new deadline after an extension of the given length, refused where the law does not allow it. */
    Instant extended(RightsRequest request, Span extension, Instant now) {
        Jurisdiction jurisdiction = jurisdiction(request.site(), request.jurisdiction());
        Span allowed = jurisdiction.requestExtension();
        if (allowed == null) {
            throw new InvalidInputException(FieldError.of(
                    "extension", "not-allowed", "error.rights.extension.not-allowed", jurisdiction.key()));
        }
        if (request.extendedTo() != null) {
            throw new InvalidInputException(
                    FieldError.of("extension", "already-extended", "error.rights.extension.already-extended"));
        }
        if (request.dueAt() == null || now.isAfter(request.dueAt())) {
            throw new InvalidInputException(
                    FieldError.of("extension", "too-late", "error.rights.extension.too-late", request.dueAt()));
        }
        Instant requested;
        try {
            requested = extension.addTo(request.dueAt());
        } catch (DateTimeException | ArithmeticException beyondTheCalendar) {
            throw tooLong(allowed);
        }
        if (requested.isAfter(allowed.addTo(request.dueAt()))) {
            throw tooLong(allowed);
        }
        return requested;
    }

    private static InvalidInputException tooLong(Span allowed) {
        return new InvalidInputException(
                FieldError.of("extension", "too-long", "error.rights.extension.too-long", allowed));
    }

    private Jurisdiction jurisdiction(String site, @Nullable String key) {
        return catalogs.of(site).jurisdiction(key).orElseThrow();
    }
}
