package dev.steward.cookies.scanner;

import dev.steward.staff.Caller;
import dev.steward.staff.StaffRole;

/**
 * Who may do what with scans, until the staff module's permission matrix takes this over: administrators and privacy
 * officers run scans and set schedules, auditors read the reports; support agents answer inquiries only.
 */
final class ScanRoles {

    static final String READERS = "hasAnyRole('ADMIN', 'PRIVACY_OFFICER', 'AUDITOR')";
    static final String RUNNERS = "hasAnyRole('ADMIN', 'PRIVACY_OFFICER')";

    private ScanRoles() {}

    static boolean mayRun(Caller caller) {
        return caller.hasRole(StaffRole.ADMIN) || caller.hasRole(StaffRole.PRIVACY_OFFICER);
    }
}
