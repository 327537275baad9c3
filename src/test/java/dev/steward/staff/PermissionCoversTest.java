package dev.steward.staff;

import static dev.steward.staff.StaffRole.ADMIN;
import static dev.steward.staff.StaffRole.AUDITOR;
import static dev.steward.staff.StaffRole.PRIVACY_OFFICER;
import static dev.steward.staff.StaffRole.SUPPORT_AGENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which roles a key may have is measured by what the roles permit, as the permission matrix says. */
class PermissionCoversTest {

    @Test
    void anAdministratorHoldsEveryActionOfEveryRole() {
        for (StaffRole role : StaffRole.values()) {
            assertThat(Permission.covers(Set.of(ADMIN), Set.of(role)))
                    .as(role.name())
                    .isTrue();
        }
        assertThat(Permission.covers(Set.of(ADMIN), Set.of(AUDITOR, PRIVACY_OFFICER)))
                .isTrue();
    }

    @Test
    void rolesThatLackOneActionOfAnotherDoNotCoverIt() {
        // a support agent does not list rights requests, which an auditor does
        assertThat(Permission.covers(Set.of(SUPPORT_AGENT), Set.of(AUDITOR))).isFalse();
        assertThat(Permission.covers(Set.of(AUDITOR), Set.of(PRIVACY_OFFICER))).isFalse();
        assertThat(Permission.covers(Set.of(PRIVACY_OFFICER), Set.of(ADMIN))).isFalse();
        assertThat(Permission.covers(Set.of(PRIVACY_OFFICER), Set.of(AUDITOR))).isTrue();
    }
}
