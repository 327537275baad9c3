package dev.steward.staff;

import dev.steward.platform.ApiErrors;
import dev.steward.platform.StewardProperties;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description at {@code /v3/api-docs}, completed from what the code already knows, so that it cannot
 * drift from it: each operation's tag is its module, its security follows the door it is behind (HTTP Basic or an
 * API key for the staff API, an API key for the integrators' API, none for the public API), its description ends with
 * the {@link Permission} it requires and to whom the matrix grants it, and every error it can meet is described in
 * the {@code {"errors":[…]}} shape. Summaries and descriptions are the handlers' own {@code @Operation}s.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ApiDescription {

    static final String STAFF = "staff";
    static final String API_KEY = "apiKey";
    static final String INBOUND_SECRET = "inboundSecret";
    private static final String ERRORS = "#/components/schemas/ApiErrors";
    private static final String PLAIN_HTTP =
            "Sent over plain http while Steward runs in production mode (https-required).";

    private static final Map<String, String> MODULES = Map.ofEntries(
            Map.entry("catalog", "The sites of the catalog, their forms and fields"),
            Map.entry("notice", "Privacy notices, their published versions and diffs, records of processing"),
            Map.entry("staff", "Staff accounts and API keys"),
            Map.entry("vault", "Signing keys, evidence chains and identity reviews"),
            Map.entry("consent", "The consent ledger: decisions, events and signed receipts"),
            Map.entry("mail", "The outbox and the dev mailbox"),
            Map.entry("disclosures", "Disclosures of a subject's data to recipients"),
            Map.entry("intake", "Form submissions"),
            Map.entry("inquiries", "Contact cases and their replies"),
            Map.entry("rights", "Rights requests, restrictions and recipients to tell"),
            Map.entry("retention", "Retention plan, sweeps, deletion certificates and legal holds"),
            Map.entry("weblog", "Aggregate statistics of the request log"),
            Map.entry("cookies", "Cookie-banner choices and their counts"));

    @Bean
    OpenAPI stewardApi(StewardProperties steward, ObjectProvider<BuildProperties> build) {
        BuildProperties built = build.getIfAvailable();
        Components components = new Components()
                .addSecuritySchemes(
                        STAFF,
                        new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("basic")
                                .description("A member of staff's user name and password."))
                .addSecuritySchemes(
                        API_KEY,
                        new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .bearerFormat("stw_…")
                                .description("An API key (integrator, staff or metrics), made by an administrator."))
                .addSecuritySchemes(
                        INBOUND_SECRET,
                        new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .description("The secret the operator's mail system shares with Steward"
                                        + " (STEWARD_MAIL_INBOUND_SECRET)."));
        return new OpenAPI()
                .info(new Info()
                        .title("Steward API")
                        .version(built == null ? "development" : built.getVersion())
                        .description("Steward's JSON API: the public API that websites call, the integrators' API"
                                + " (API key) and the staff API (HTTP Basic or a staff API key). Errors always have"
                                + " the shape {\"errors\":[{\"field\",\"code\",\"message\"}]}.")
                        .contact(new Contact()
                                .name("The operators of this Steward")
                                .url(steward.publicUrl())))
                .components(components)
                .tags(MODULES.entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(module -> new Tag().name(module.getKey()).description(module.getValue()))
                        .toList());
    }

    /** The module as tag, and the permission the matrix asks for, from the handler itself. */
    @Bean
    OperationCustomizer modulesAndPermissions() {
        return (operation, handler) -> {
            String module = handler.getBeanType().getPackageName().replaceFirst("^dev\\.steward\\.([a-z]+).*", "$1");
            operation.setTags(List.of(module));
            PermissionGuard.permissionOf(handler)
                    .ifPresent(permission -> operation.setDescription(
                            (operation.getDescription() == null ? "" : operation.getDescription() + "\n\n")
                                    + "Permission: " + permission.action() + " (" + grantees(permission) + ")."));
            return operation;
        };
    }

    @Bean
    OpenApiCustomizer securityAndErrors() {
        return api -> {
            // the error shape every operation refers to, whether or not a handler returns it as its declared type
            ModelConverters.getInstance().readAll(ApiErrors.class).forEach(api.getComponents()::addSchemas);
            api.getPaths()
                    .forEach((path, item) -> item.readOperations().forEach(operation -> complete(path, operation)));
        };
    }

    private static void complete(String path, Operation operation) {
        ApiResponses responses = operation.getResponses();
        boolean staff = path.startsWith(PermissionGuard.STAFF_API + "/");
        boolean integrator = PermissionGuard.INTEGRATOR_API.contains(path);
        if (operation.getSecurity() != null) {
            // a scheme of its own, declared on the handler (the inbound mail secret)
            responses.addApiResponse("401", error("The secret is missing or wrong (unauthorized)."));
            responses.addApiResponse("403", error(PLAIN_HTTP));
        } else if (staff || integrator) {
            operation.setSecurity(
                    staff
                            ? List.of(
                                    new SecurityRequirement().addList(STAFF),
                                    new SecurityRequirement().addList(API_KEY))
                            : List.of(new SecurityRequirement().addList(API_KEY)));
            responses.addApiResponse(
                    "401",
                    error("No credentials, or wrong ones (not-authenticated, invalid-api-key).")
                            .addHeaderObject(
                                    "WWW-Authenticate",
                                    new Header()
                                            .description("The schemes this address takes")
                                            .schema(new StringSchema())));
            responses.addApiResponse(
                    "403",
                    error("The caller's role, sites or key do not permit this (not-permitted). Or: " + PLAIN_HTTP));
        } else {
            operation.setSecurity(List.of());
            responses.addApiResponse("403", error(PLAIN_HTTP));
        }
        if (operation.getRequestBody() != null) {
            responses.addApiResponse(
                    "415", error("The body is of a content type this address does not take (unsupported-media-type)."));
        }
        inputErrors(path, operation);
        if (staff || integrator) {
            ifAbsent(
                    responses,
                    "429",
                    "The key made more calls than its rate allows (rate-limited); Retry-After says when to call again.");
        }
        // every refusal has the one error shape, whatever the handler's own return type suggested
        responses.forEach((status, response) -> {
            if (status.startsWith("4")) {
                response.setContent(errorContent());
            }
        });
    }

    /**
     * What the API's handler answers for any operation's input, whether or not the handler declared it: bad
     * parameters, a body that is not JSON or does not fit the request, an id that names nothing.
     */
    private static void inputErrors(String path, Operation operation) {
        ApiResponses responses = operation.getResponses();
        boolean body = operation.getRequestBody() != null;
        boolean parameters =
                operation.getParameters() != null && !operation.getParameters().isEmpty();
        if (body || parameters) {
            ifAbsent(
                    responses,
                    "400",
                    body
                            ? "The body is not JSON (malformed-json), or a parameter is missing (required) or has the"
                                    + " wrong format (invalid)."
                            : "A parameter is missing (required) or has the wrong format (invalid).");
            ifAbsent(
                    responses,
                    "422",
                    "Refused input: each error names its field and a code (such as required, invalid, too-long)"
                            + (body
                                    ? "; a field the request does not have (unknown-field), one given twice"
                                            + " (duplicate-field), or a value of the wrong type (invalid-type)."
                                    : "."));
        }
        if (path.contains("{")) {
            ifAbsent(responses, "404", "Nothing by that name or id on the caller's sites (not-found).");
        }
    }

    private static void ifAbsent(ApiResponses responses, String status, String description) {
        if (responses.get(status) == null) {
            responses.addApiResponse(status, error(description));
        }
    }

    private static ApiResponse error(String description) {
        return new ApiResponse().description(description).content(errorContent());
    }

    private static Content errorContent() {
        return new Content()
                .addMediaType("application/json", new MediaType().schema(new Schema<ApiErrors>().$ref(ERRORS)));
    }

    private static String grantees(Permission permission) {
        List<String> who = new ArrayList<>();
        permission.roles().stream()
                .map(role -> role.label().toLowerCase() + "s")
                .forEach(who::add);
        permission.keys().stream()
                .map(kind -> kind.name().toLowerCase() + " keys")
                .forEach(who::add);
        String reach = switch (permission.reach()) {
            case SITE -> "; on their own sites";
            case SHARED -> "";
            case EVERY_SITE -> "; of every site only";
        };
        return String.join(", ", who) + reach;
    }
}
