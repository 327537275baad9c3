package dev.steward.weblog;

import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import dev.steward.staff.CurrentCaller;
import dev.steward.staff.Permission;
import dev.steward.staff.Requires;
import io.swagger.v3.oas.annotations.Operation;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The aggregate statistics export for staff: {@code ?site=&from=&to=&format=csv|json}. */
@RestController
@Requires(Permission.READ_STATISTICS)
class StatisticsController {

    private final Statistics statistics;
    private final CurrentCaller caller;

    StatisticsController(Statistics statistics, CurrentCaller caller) {
        this.statistics = statistics;
        this.caller = caller;
    }

    @Operation(
            summary = "Export request-log statistics",
            description =
                    "Aggregate statistics of the privacy-preserving request log for a site and period, as CSV or JSON; cells counting fewer visitors than the site's minimum are left out.")
    @GetMapping("/api/v1/admin/statistics")
    ResponseEntity<?> export(
            @RequestParam(required = false) @Nullable String site,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(defaultValue = "json") String format) {
        if (!format.equals("json") && !format.equals("csv")) {
            throw new InvalidInputException(FieldError.of("format", "invalid", "error.weblog.format.invalid"));
        }
        Statistics.Report report = statistics.export(site, from, to, caller.get());
        if (format.equals("json")) {
            return ResponseEntity.ok(report);
        }
        String name = "statistics-" + (site == null ? "all-sites" : site) + "-" + report.from() + "-" + report.to();
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"")
                .body(Statistics.csv(report));
    }
}
