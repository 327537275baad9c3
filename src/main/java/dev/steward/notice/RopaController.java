package dev.steward.notice;

import dev.steward.staff.CurrentCaller;
import dev.steward.staff.Permission;
import dev.steward.staff.Requires;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The records of processing in the console; {@link RopaApiController} serves its downloads. */
@Controller
@Requires(Permission.READ_RECORDS_OF_PROCESSING)
class RopaController {

    private final RopaPage page;
    private final CurrentCaller caller;

    RopaController(RopaPage page, CurrentCaller caller) {
        this.page = page;
        this.caller = caller;
    }

    @GetMapping("/admin/ropa")
    String page(Model model) {
        model.addAttribute("sheets", page.sheets(caller.get()::maySee));
        return "admin/ropa";
    }
}
