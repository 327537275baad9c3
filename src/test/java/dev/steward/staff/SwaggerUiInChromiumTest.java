package dev.steward.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import dev.steward.test.Chromium;
import dev.steward.test.StewardTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Swagger UI in Chromium, as an integrator explores the API: Authorize offers both schemes, and a staff API call made
 * after authorising with HTTP Basic succeeds, under Steward's Content-Security-Policy.
 */
@StewardTest
class SwaggerUiInChromiumTest {

    @LocalServerPort
    int port;

    @RegisterExtension
    static final Chromium chromium = Chromium.perClass();

    @Test
    void authorizeOffersBothSchemesAndAuthorisedCallsSucceed() {
        Page page = chromium.page(port, true);
        List<String> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        page.onPageError(errors::add);

        page.navigate("/swagger-ui/index.html");
        page.locator("button.authorize").first().click();
        String dialog = page.locator(".dialog-ux").innerText().replaceAll("[\\s\\u00a0]+", " ");
        page.locator(".dialog-ux input[type=text]").first().fill("admin");
        page.locator(".dialog-ux input[type=password]").first().fill(StewardTest.ADMIN_PASSWORD);
        page.locator(".dialog-ux button.modal-btn.auth.authorize").first().click();
        page.locator(".dialog-ux button.btn-done").first().click();
        page.locator(".opblock-summary-path[data-path='/api/v1/admin/staff']")
                .first()
                .click();
        page.locator("button.try-out__btn").first().click();
        page.locator("button.execute").first().click();
        String status = page.locator(".live-responses-table tr.response .response-col_status")
                .first()
                .innerText();

        assertThat(dialog).contains("staff (http, Basic)").contains("apiKey (http, Bearer)");
        assertThat(status.strip()).isEqualTo("200");
        assertThat(errors).isEmpty();
    }
}
