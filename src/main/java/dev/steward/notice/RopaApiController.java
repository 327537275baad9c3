package dev.steward.notice;

import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import dev.steward.staff.CurrentCaller;
import dev.steward.staff.Permission;
import dev.steward.staff.Requires;
import io.swagger.v3.oas.annotations.Operation;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/admin/ropa?format=csv|json}: the records of processing for staff's tools, and the same download
 * for the console at {@code /admin/ropa/download} (the staff API keeps no session, so a signed-in browser downloads
 * there). Bad input is answered as the API answers it, on both addresses.
 */
@RestController
@Requires(Permission.READ_RECORDS_OF_PROCESSING)
class RopaApiController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final RecordsOfProcessing records;
    private final JsonMapper json;
    private final CurrentCaller caller;

    RopaApiController(RecordsOfProcessing records, JsonMapper json, CurrentCaller caller) {
        this.records = records;
        this.json = json;
        this.caller = caller;
    }

    @Operation(
            summary = "Export the records of processing",
            description = "The records of processing activities (GDPR Art. 30) of the caller's sites, as JSON or CSV.")
    @GetMapping({"/api/v1/admin/ropa", "/admin/ropa/download"})
    ResponseEntity<String> export(@RequestParam(defaultValue = "json") String format) {
        RecordsOfProcessing.Export export = records.export(caller.get()::maySee);
        return switch (format) {
            case "csv" ->
                ResponseEntity.ok()
                        .contentType(CSV)
                        .header("Content-Disposition", "attachment; filename=\"records-of-processing.csv\"")
                        .body(export.csv());
            case "json" ->
                ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsString(export));
            default ->
                throw new InvalidInputException(FieldError.of("format", "invalid", "error.notice.format.invalid"));
        };
    }
}
