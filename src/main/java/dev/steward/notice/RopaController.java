package dev.steward.notice;

import dev.steward.platform.ApiErrors;
import dev.steward.platform.ErrorWords;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import dev.steward.staff.CurrentCaller;
import dev.steward.staff.Permission;
import dev.steward.staff.Requires;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * The records of processing for staff: a console page with its downloads, and
 * {@code GET /api/v1/admin/ropa?format=csv|json}.
 */
@Controller
@Requires(Permission.READ_RECORDS_OF_PROCESSING)
class RopaController {

    private final RecordsOfProcessing records;
    private final RopaPage page;
    private final JsonMapper json;
    private final CurrentCaller caller;
    private final ErrorWords words;

    RopaController(
            RecordsOfProcessing records, RopaPage page, JsonMapper json, CurrentCaller caller, ErrorWords words) {
        this.records = records;
        this.page = page;
        this.json = json;
        this.caller = caller;
        this.words = words;
    }

    @GetMapping("/admin/ropa")
    String page(Model model) {
        model.addAttribute("sheets", page.sheets(caller.get()::maySee));
        return "admin/ropa";
    }

    /** The console's download links: the staff API keeps no session, so a signed-in browser downloads here. */
    @Operation(
            summary = "Export the records of processing",
            description = "The records of processing activities (GDPR Art. 30) of the caller's sites, as JSON or CSV.")
    @ResponseBody
    @GetMapping({"/api/v1/admin/ropa", "/admin/ropa/download"})
    ResponseEntity<String> export(@RequestParam(defaultValue = "json") String format) {
        RecordsOfProcessing.Export export = records.export(caller.get()::maySee);
        return switch (format) {
            case "csv" ->
                ResponseEntity.ok()
                        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                        .header("Content-Disposition", "attachment; filename=\"records-of-processing.csv\"")
                        .body(export.csv());
            case "json" ->
                ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsString(export));
            default ->
                throw new InvalidInputException(FieldError.of("format", "invalid", "error.notice.format.invalid"));
        };
    }

    /**
     * A format the export does not have, answered as the API answers bad input. WHY here: this controller also serves
     * a console page, so the API's own handler, which takes REST controllers only, does not see it.
     */
    @ExceptionHandler
    ResponseEntity<ApiErrors> invalid(InvalidInputException e, HttpServletRequest request) {
        return words.answer(HttpStatus.UNPROCESSABLE_CONTENT, e.errors(), request);
    }
}
