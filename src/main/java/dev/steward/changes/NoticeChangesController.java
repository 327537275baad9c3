package dev.steward.changes;

import dev.steward.platform.ConsoleWords;
import dev.steward.staff.CurrentCaller;
import dev.steward.staff.Permission;
import dev.steward.staff.Requires;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** Staff follow each notice change: the console page and the same figures as JSON. */
@Controller
@Requires(Permission.READ_CONSENTS)
class NoticeChangesController {

    private final NoticeChangeProgress progress;
    private final CurrentCaller caller;

    private final ConsoleWords words;

    NoticeChangesController(ConsoleWords words, NoticeChangeProgress progress, CurrentCaller caller) {
        this.words = words;
        this.progress = progress;
        this.caller = caller;
    }

    record Changes(List<NoticeChangeProgress.Progress> changes) {}

    /** A change as the page shows it, its times in words. */
    record Row(
            NoticeChangeProgress.Progress progress,
            String started,
            @Nullable String completed) {}

    @GetMapping("/admin/notice-changes")
    String page(Model model) {
        model.addAttribute(
                "changes",
                progress.of(caller.get()).stream()
                        .map(one -> new Row(
                                one,
                                words.dayTime(one.startedAt()),
                                one.completedAt() == null ? null : words.dayTime(one.completedAt())))
                        .toList());
        return "admin/notice-changes";
    }

    @Operation(
            summary = "Progress of notice changes",
            description = "Per material notice change on the caller's sites: how many people were told, how many mails"
                    + " went, wait or failed, and how many were asked to consent again, did, or have not yet. Counts"
                    + " only.")
    @GetMapping("/api/v1/admin/notice-changes")
    @ResponseBody
    Changes list() {
        return new Changes(progress.of(caller.get()));
    }
}
