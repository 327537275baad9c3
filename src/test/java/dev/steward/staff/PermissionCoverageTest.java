package dev.steward.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;

/** The start-up check that keeps a handler from slipping past the matrix, and the matrix's own rule. */
class PermissionCoverageTest {

    static class Handlers {
        void unguarded() {}

        @Requires(Permission.READ_AUDIT_TRAIL)
        void reads() {}

        @Requires(Permission.MANAGE_HOLDS)
        void writes() {}
    }

    @Test
    void aGuardedHandlerWithoutPermissionAndAWriteBehindAReadingPermissionAreProblems() throws Exception {
        Map<RequestMappingInfo, HandlerMethod> mappings = Map.of(
                RequestMappingInfo.paths("/admin/new-page")
                                .methods(RequestMethod.GET)
                                .build(),
                        handler("unguarded"),
                RequestMappingInfo.paths("/api/v1/admin/thing")
                                .methods(RequestMethod.POST)
                                .build(),
                        handler("reads"),
                RequestMappingInfo.paths("/admin/anything").build(), handler("reads"),
                RequestMappingInfo.paths("/admin/holds-like")
                                .methods(RequestMethod.POST)
                                .build(),
                        handler("writes"),
                RequestMappingInfo.paths("/s/{site}/public")
                                .methods(RequestMethod.GET)
                                .build(),
                        handler("unguarded"));

        assertThat(PermissionCoverage.problems(mappings))
                .hasSize(3)
                .anySatisfy(problem ->
                        assertThat(problem).contains("/admin/new-page").contains("names no permission"))
                .anySatisfy(problem ->
                        assertThat(problem).contains("/api/v1/admin/thing").contains("only reads"))
                .anySatisfy(problem ->
                        assertThat(problem).contains("/admin/anything").contains("any method"));
    }

    @Test
    void noPermissionThatChangesStateIsGrantedToAReadOnlyRole() {
        assertThat(EnumSet.allOf(Permission.class))
                .filteredOn(permission -> permission.changesState() && !permission.changesOnlyOwnSignIn())
                .allSatisfy(permission -> assertThat(permission.roles()).noneMatch(StaffRole::readOnly));
        assertThat(StaffRole.AUDITOR.readOnly()).isTrue();
        assertThat(EnumSet.allOf(Permission.class))
                .as("a read-only member keeps their own sign-in safe, and changes nothing else")
                .filteredOn(Permission::changesOnlyOwnSignIn)
                .containsExactly(Permission.CHANGE_OWN_PASSWORD);
    }

    @Test
    void theGuardCoversTheConsoleTheStaffApiAndTheIntegratorsApiOnly() {
        assertThat(PermissionGuard.guarded("/admin")).isTrue();
        assertThat(PermissionGuard.guarded("/admin/x")).isTrue();
        assertThat(PermissionGuard.guarded("/api/v1/admin/audit")).isTrue();
        assertThat(PermissionGuard.guarded("/api/v1/consent-events")).isTrue();
        assertThat(PermissionGuard.guarded("/administrator")).isFalse();
        assertThat(PermissionGuard.guarded("/api/v1/sites/lab/requests")).isFalse();
    }

    private static HandlerMethod handler(String name) throws NoSuchMethodException {
        return new HandlerMethod(new Handlers(), Handlers.class.getDeclaredMethod(name));
    }
}
