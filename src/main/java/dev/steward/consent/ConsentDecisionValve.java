package dev.steward.consent;

import dev.steward.platform.CalendarDates;
import dev.steward.platform.ErrorWords;
import dev.steward.platform.FieldError;
import dev.steward.platform.HttpsOnly;
import dev.steward.platform.InvalidInputException;
import dev.steward.platform.NotFoundException;
import dev.steward.staff.ApiKeyGate;
import dev.steward.staff.Caller;
import dev.steward.staff.Permission;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/consent-decisions} with an API key, answered in Tomcat's pipeline, ahead of every servlet filter,
 * Spring MVC and Spring Security.
 *
 * <p>WHY: integrators ask this for every use of a person's data, and the decision itself was 6 % of the request's CPU;
 * the rest went to some twenty security filters, the dispatcher, argument resolution and request observations
 * (bench/README.md). Here the same checks run in line: the key through the {@link ApiKeyGate} (live, within its
 * rate, granted {@link Permission#DECIDE_CONSENT} by the one permission matrix), then the site scope, the parameters
 * and the decision, answered with the same JSON, errors and headers as {@link ConsentDecisionController}. A request
 * without a bearer key, or not a GET, goes on to the full stack as before (HTTP Basic, HEAD, refusals of the
 * anonymous); so does one over plain http in production mode, which {@link HttpsOnly} refuses there.
 *
 * <p>WHY a valve rather than a servlet filter: here the answer's headers can be handed to Tomcat already encoded
 * ({@link EncodedHeaders}); a third of what a filter's answer allocated was Tomcat encoding the same dozen header
 * names and values again for every answer, and the young collections that garbage causes are the decision's slowest
 * percent. It also spares building the filter chain. It runs after the engine's {@code RemoteIpValve} (on the
 * {@link DecisionConnector}, after the {@link DecisionPortValve}'s), so that {@code isSecure()} and the client address
 * mean what they mean behind the proxy.
 *
 * <p>Integrators' own server-to-server calls are not visitors' requests, so they do not enter the request log; they
 * are counted in {@code steward.consent.decisions{answer}}.
 */
final class ConsentDecisionValve extends ValveBase {

    static final String PATH = "/api/v1/consent-decisions";

    private final ApiKeyGate gate;
    private final ConsentDecisions decisions;
    private final DecisionJson writer;
    private final DecisionCounts counts;
    private final boolean httpsOnly;
    private final ErrorWords words;
    private final EncodedHeaders.Encodings encodings = new EncodedHeaders.Encodings();

    ConsentDecisionValve(
            ApiKeyGate gate,
            ConsentDecisions decisions,
            JsonMapper json,
            DecisionCounts counts,
            boolean httpsOnly,
            ErrorWords words) {
        super(true);
        this.words = words;
        this.gate = gate;
        this.httpsOnly = httpsOnly;
        this.decisions = decisions;
        this.writer = new DecisionJson(json);
        this.counts = counts;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        if (asks(request)) {
            answer(request, response);
        } else {
            getNext().invoke(request, response);
        }
    }

    /** Whether this is the decision asked with a key (over https, where only https is served): the rest is not ours. */
    boolean asks(Request request) {
        // WHY the bytes: the path as text would be a new string on every request, for one comparison (the same
        // answer: PATH is ASCII, and no other bytes decode to it)
        return request.getDecodedRequestURIMB().equals(PATH)
                && "GET".equals(request.getMethod())
                && ApiKeyGate.presentsKey(request)
                && (!httpsOnly || request.isSecure());
    }

    /** The decision, or the refusal of the key, its scope or the parameters; for a request that {@link #asks}. */
    void answer(Request request, Response response) throws IOException {
        answer(request, new EncodedHeaders(response, encodings));
    }

    private void answer(Request request, EncodedHeaders response) throws IOException {
        if (httpsOnly) {
            response.setHeader("Strict-Transport-Security", HttpsOnly.HSTS);
        }
        Caller caller = gate.admit(request, response, Permission.DECIDE_CONSENT);
        if (caller == null) {
            counts.refused();
            return;
        }
        try {
            PlainQuery query = PlainQuery.of(request);
            ConsentDecision decision = decide(query != null ? query::get : request::getParameter, caller);
            response.setStatus(HttpServletResponse.SC_OK);
            response.setEncodedContentType("application/json;charset=UTF-8");
            response.setEncodedDate();
            // straight into Tomcat's buffer, which sets the length when the answer ends within it
            writer.write(decision, response.getOutputStream());
            counts.answered(decision.allowed());
        } catch (BadParameters e) {
            refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, e.errors);
        } catch (InvalidInputException e) {
            refuse(request, response, 422, e.errors());
        } catch (NotFoundException e) {
            refuse(request, response, HttpServletResponse.SC_NOT_FOUND, List.of(NotFoundException.error(e)));
        }
    }

    private ConsentDecision decide(Parameters request, Caller caller) {
        List<FieldError> errors = new ArrayList<>();
        String site = required(request, "site", errors);
        String subject = required(request, "subject", errors);
        String purpose = required(request, "purpose", errors);
        Instant at = instant(request.get("at"), errors);
        if (!errors.isEmpty()) {
            throw new BadParameters(errors);
        }
        // as CurrentCaller.requireSite: "not found", so that a scoped key cannot learn what another site holds
        if (!caller.maySee(site)) {
            throw new NotFoundException("Nothing here for site '" + site + "'.");
        }
        return decisions.decide(site, subject, purpose, at);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, int status, List<FieldError> errors)
            throws IOException {
        counts.refused();
        words.send(request, response, status, errors);
    }

    private static String required(Parameters request, String name, List<FieldError> errors) {
        String value = request.get(name);
        if (value == null) {
            errors.add(FieldError.of(name, "required", "error.common.field.required", name));
            return "";
        }
        return value;
    }

    /** An ISO date-time with its offset, as {@code @DateTimeFormat(iso = DATE_TIME)} takes it; empty means now. */
    private static @Nullable Instant instant(@Nullable String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return CalendarDates.instant(DateTimeFormatter.ISO_DATE_TIME.parse(value.strip(), Instant::from), value);
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of("at", "invalid", "error.consent.at.invalid"));
            return null;
        }
    }

    private interface Parameters {
        @Nullable
        String get(String name);
    }

    /** Query parameters missing or malformed: 400, each with its field. */
    private static final class BadParameters extends RuntimeException {

        private final transient List<FieldError> errors;

        BadParameters(List<FieldError> errors) {
            super(null, null, false, false);
            this.errors = errors;
        }
    }
}
