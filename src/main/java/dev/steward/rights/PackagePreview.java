package dev.steward.rights;

import dev.steward.catalog.RightType;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an access request's answer will hand over, shown to staff before they release it: the same readable summary
 * the package carries, built from the data as it is now. Reading it is audited as reading the request.
 */
@Service
class PackagePreview {

    private static final Set<RightType> PACKAGED = EnumSet.of(RightType.ACCESS, RightType.DISCLOSURE);

    private final RequestQueue queue;
    private final Requesters requesters;
    private final AccessExport exports;
    private final RequestWords words;

    PackagePreview(RequestQueue queue, Requesters requesters, AccessExport exports, RequestWords words) {
        this.words = words;
        this.queue = queue;
        this.requesters = requesters;
        this.exports = exports;
    }

    @Transactional
    String of(UUID id) {
        RightsRequest request = queue.requireAnswerable(queue.view(id).request());
        if (!PACKAGED.contains(request.type()) || request.status() != RequestStatus.RECEIVED) {
            throw new InvalidInputException(FieldError.of(null, "no-package", "error.rights.request.no-package"));
        }
        // staff preview what the requester will read, in the requester's language
        return exports.summaryOf(
                requesters.reach(request), request.site(), request.jurisdiction(), words.language(request));
    }
}
