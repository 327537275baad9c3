package dev.steward.staff;

import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/admin/staff}: administrators add, list and change members of staff. Bodies are read field by
 * field, so that a misspelt or mistyped field is refused by name instead of being ignored or failing as a whole.
 */
@RestController
@Requires(Permission.MANAGE_STAFF)
class StaffController {

    private static final Set<String> NEW_MEMBER_FIELDS = Set.of("username", "password", "roles", "sites");
    private static final Set<String> CHANGE_FIELDS = Set.of("roles", "sites", "disabled", "password");

    private final StaffDirectory directory;
    private final CurrentCaller caller;

    StaffController(StaffDirectory directory, CurrentCaller caller) {
        this.directory = directory;
        this.caller = caller;
    }

    record Listing(List<StaffMember> staff) {}

    @Operation(
            summary = "List staff",
            description = "Members of staff with their roles, sites and whether they are disabled.")
    @GetMapping("/api/v1/admin/staff")
    Listing list() {
        return new Listing(directory.all());
    }

    @Operation(
            summary = "Add a member of staff",
            description = "Adds a member with a user name, roles, sites (none for every site) and a password.")
    @PostMapping("/api/v1/admin/staff")
    @ResponseStatus(HttpStatus.CREATED)
    StaffMember create(@RequestBody JsonNode body) {
        Body fields = new Body(body, NEW_MEMBER_FIELDS);
        StaffDirectory.NewMember member = new StaffDirectory.NewMember(
                fields.text("username"), fields.text("password"), fields.texts("roles"), fields.texts("sites"));
        fields.requireValid();
        return directory.create(member, caller.get());
    }

    @Operation(
            summary = "Change a member of staff",
            description = "Changes roles, sites or password, or disables the member; their open sessions end.")
    @PatchMapping("/api/v1/admin/staff/{username}")
    StaffMember change(@PathVariable String username, @RequestBody JsonNode body) {
        Body fields = new Body(body, CHANGE_FIELDS);
        StaffDirectory.Change change = new StaffDirectory.Change(
                fields.texts("roles"), fields.texts("sites"), fields.bool("disabled"), fields.text("password"));
        fields.requireValid();
        return directory.change(username, change, caller.get());
    }

    /** A JSON object's fields with their expected types; every problem is collected before any is reported. */
    private static final class Body {

        private final JsonNode node;
        private final List<FieldError> errors = new ArrayList<>();

        Body(JsonNode node, Set<String> known) {
            this.node = node;
            if (!node.isObject()) {
                errors.add(FieldError.of(null, "invalid", "error.common.request.invalid"));
                return;
            }
            for (String name : node.propertyNames()) {
                if (!known.contains(name)) {
                    errors.add(FieldError.of(name, "unknown-field", "error.staff.field.unknown-field", name, known));
                }
            }
        }

        @Nullable
        String text(String name) {
            JsonNode value = present(name);
            if (value == null) {
                return null;
            }
            if (!value.isString()) {
                errors.add(FieldError.of(name, "invalid-type", "error.staff.field.invalid-type", name));
                return null;
            }
            return value.asString();
        }

        @Nullable
        List<String> texts(String name) {
            JsonNode value = present(name);
            if (value == null) {
                return null;
            }
            if (!value.isArray() || value.valueStream().anyMatch(element -> !element.isString())) {
                errors.add(FieldError.of(name, "invalid-type", "error.staff.field.invalid-type.2", name));
                return null;
            }
            return value.valueStream().map(JsonNode::asString).toList();
        }

        @Nullable
        Boolean bool(String name) {
            JsonNode value = present(name);
            if (value == null) {
                return null;
            }
            if (!value.isBoolean()) {
                errors.add(FieldError.of(name, "invalid-type", "error.common.field.invalid-type", name));
                return null;
            }
            return value.asBoolean();
        }

        void requireValid() {
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
        }

        private @Nullable JsonNode present(String name) {
            JsonNode value = node.isObject() ? node.get(name) : null;
            return value == null || value.isNull() ? null : value;
        }
    }
}
