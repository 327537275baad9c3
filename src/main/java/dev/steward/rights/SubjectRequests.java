package dev.steward.rights;

import dev.steward.staff.Caller;
import dev.steward.vault.SubjectId;
import java.util.List;
import org.springframework.stereotype.Service;

/** A data subject's rights requests on the sites a member of staff may see, oldest first (the person view). */
@Service
public class SubjectRequests {

    private final RequestRepository requests;

    SubjectRequests(RequestRepository requests) {
        this.requests = requests;
    }

    public List<RightsRequest> of(SubjectId subject, Caller staff) {
        return requests.of(subject).stream()
                .filter(request -> staff.maySee(request.site()))
                .toList();
    }
}
