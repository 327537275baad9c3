package dev.steward.staff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Console;
import dev.steward.test.Pages;
import dev.steward.test.StaffUsers;
import dev.steward.test.StewardTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A member of staff is neither shown links to console pages their role does not open, nor told, when they open one
 * anyway, that their request "could not be read": a support agent met links to the audit trail (inquiries), the
 * legal holds and the evidence (retention), and following one answered 403 with the page for an unreadable request,
 * its JSON coded bad-request, and a way back to the visitors' list of sites.
 */
@StewardTest
class NotPermittedPagesTest {

    @LocalServerPort
    int port;

    @Test
    void aSupportAgentIsToldTheirRoleDoesNotPermitThePageAndIsLedBackToTheConsole() {
        Console agent = Console.signIn(port, StaffUsers.add(port, "SUPPORT_AGENT", null), StaffUsers.PASSWORD);

        HttpResponse<String> page = agent.http().get("/admin/audit", "Accept", "text/html");
        HttpResponse<String> data = agent.http().get("/admin/audit", "Accept", "application/json");

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(Pages.text(page.body()))
                .contains("Your role does not permit this page")
                .contains("Back to the console")
                .doesNotContain("could not be read");
        assertThat(page.body()).contains("href=\"/admin\"");
        assertThat(data.statusCode()).isEqualTo(403);
        assertThat(data.body()).contains("\"code\":\"not-permitted\"");
    }

    @Test
    void aSupportAgentsPagesLinkNoPageTheirRoleDoesNotOpen() {
        Console agent = Console.signIn(port, StaffUsers.add(port, "SUPPORT_AGENT", null), StaffUsers.PASSWORD);

        String inquiries = agent.get("/admin/inquiries").body();
        String retention = agent.get("/admin/retention").body();

        assertThat(inquiries).doesNotContain("href=\"/admin/audit\"");
        assertThat(retention).doesNotContain("href=\"/admin/holds\"").doesNotContain("href=\"/admin/evidence\"");
        assertThat(agent.get("/admin/holds").statusCode())
                .as("the pages those links led to")
                .isEqualTo(403);
        Console admin = Console.signIn(port, "admin", StewardTest.ADMIN_PASSWORD);
        assertThat(admin.get("/admin/retention").body())
                .as("an administrator keeps them")
                .contains("href=\"/admin/holds\"")
                .contains("href=\"/admin/evidence\"");
    }
}
