package dev.steward.changes;

import dev.steward.platform.ConsoleWords;
import dev.steward.staff.CurrentCaller;
import dev.steward.staff.Permission;
import dev.steward.staff.Requires;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Staff follow each notice change in the console; {@link NoticeChangesApiController} gives the same figures as JSON. */
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
}
