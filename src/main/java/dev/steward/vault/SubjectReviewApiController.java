package dev.steward.vault;

import dev.steward.staff.Permission;
import dev.steward.staff.Requires;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Subjects joined through an identifier nobody proved, over the API: list, split, or confirm as one person. */
@RestController
@Requires(Permission.READ_IDENTITY_REVIEWS)
class SubjectReviewApiController {

    private final VisibleReviews reviews;

    SubjectReviewApiController(VisibleReviews reviews) {
        this.reviews = reviews;
    }

    record Cases(List<SubjectReviews.ReviewCase> cases) {}

    record Split(List<SubjectId> subjects) {}

    record Confirmation(String reason) {}

    @Operation(
            summary = "List identity reviews",
            description =
                    "People joined only through an identifier nobody proved, to be split or confirmed as one person.")
    @GetMapping("/api/v1/admin/identity-reviews")
    Cases cases() {
        return new Cases(reviews.all());
    }

    @Operation(
            summary = "Split a subject by e-mail address",
            description =
                    "Splits a subject joined through an unproven identifier into one subject per e-mail address. Written to the audit trail.")
    @PostMapping("/api/v1/admin/identity-reviews/{subject}/split")
    @Requires(Permission.RESOLVE_IDENTITY_REVIEWS)
    Split split(@PathVariable UUID subject) {
        return new Split(reviews.split(new SubjectId(subject)));
    }

    @Operation(
            summary = "Confirm a subject as one person",
            description =
                    "Confirms, with a reason, that the records joined under a subject belong to one person. Written to the audit trail.")
    @PostMapping("/api/v1/admin/identity-reviews/{subject}/one-person")
    @Requires(Permission.RESOLVE_IDENTITY_REVIEWS)
    Confirmation confirm(@PathVariable UUID subject, @RequestBody Confirmation confirmation) {
        reviews.confirmOnePerson(new SubjectId(subject), confirmation.reason());
        return confirmation;
    }
}
