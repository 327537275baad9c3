package dev.steward.staff;

import dev.steward.platform.CliCommand;
import dev.steward.platform.CommandLine;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code staff reset-password USER}: the operator's way back in. WHY: the first administrator's password is shown once
 * and stored as a hash, and only an administrator sets another's, so a lost password of the last administrator (or
 * one cut off by a crash at first start) left nobody able to manage staff. Whoever may run commands on Steward's
 * database may do this; the console never can.
 */
@Command(
        name = "reset-password",
        description = {
            "Give a staff member a new generated password, printed here once, and a link to trust their browser with"
                    + " it. It lifts a lockout, ends their sessions on every node and the trust of their browsers, and"
                    + " is written to the audit trail as done by the operator."
        })
class StaffResetPasswordCommand extends CliCommand {

    @Parameters(paramLabel = "USER", description = "the member's user name")
    private String username;

    private final ObjectProvider<StaffDirectory> directory;

    StaffResetPasswordCommand(ObjectProvider<StaffDirectory> directory) {
        this.directory = directory;
    }

    @Override
    public Integer call() {
        StaffDirectory staff = directory.getObject();
        Optional<StaffMember> member = staff.find(username);
        if (member.isEmpty()) {
            err().println("There is no staff member '" + username + "'.");
            return CommandLine.PROBLEMS_FOUND;
        }
        if (member.get().disabled()) {
            err().println("'" + username + "' is disabled: an administrator enables them under Staff in the console.");
            return CommandLine.PROBLEMS_FOUND;
        }
        StaffDirectory.Reset reset = staff.resetByOperator(username);
        out().println("New password for '" + username + "': " + reset.password() + " (shown only this once: note it"
                + " now)");
        out().println("Open this link in their browser, then sign in: "
                + reset.member().signInLink());
        return CommandLine.OK;
    }
}
