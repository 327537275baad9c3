package dev.steward.changes;

import dev.steward.staff.CurrentCaller;
import dev.steward.staff.Permission;
import dev.steward.staff.Requires;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The figures of each notice change as JSON, for staff's own tools. */
@RestController
@Requires(Permission.READ_CONSENTS)
class NoticeChangesApiController {

    private final NoticeChangeProgress progress;
    private final CurrentCaller caller;

    NoticeChangesApiController(NoticeChangeProgress progress, CurrentCaller caller) {
        this.progress = progress;
        this.caller = caller;
    }

    record Changes(List<NoticeChangeProgress.Progress> changes) {}

    @Operation(
            summary = "Progress of notice changes",
            description = "Per material notice change on the caller's sites: how many people were written to"
                    + " (`told`), how many of their mails went, wait or failed (a person is told only by a mail that"
                    + " went), and how many were asked to consent again, did, or have not yet. Counts only.")
    @GetMapping("/api/v1/admin/notice-changes")
    Changes list() {
        return new Changes(progress.of(caller.get()));
    }
}
