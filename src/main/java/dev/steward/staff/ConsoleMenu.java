package dev.steward.staff;

import org.springframework.stereotype.Component;

/**
 * What the console's menu offers the signed-in member: only the pages the {@link Permission} matrix lets them open.
 * Templates ask {@code ${@consoleMenu.may('READ_INQUIRIES')}}.
 */
@Component
public class ConsoleMenu {

    private final CurrentCaller caller;

    ConsoleMenu(CurrentCaller caller) {
        this.caller = caller;
    }

    public boolean may(String permission) {
        return caller.get().may(Permission.valueOf(permission));
    }
}
