package dev.steward.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The headers written out for a new answer (the consent decision's) are the ones Spring Security's header writers and
 * Steward's own write, in the same order, over plain http and TLS, with and without an HSTS header already set; so a
 * change of Spring Security's defaults fails here rather than slipping past the decision's answers.
 */
class SecurityHeadersOnNewAnswersTest {

    @ParameterizedTest(name = "secure {0}, HSTS set before {1}")
    @CsvSource({"false, false", "true, false", "false, true", "true, true"})
    void theSameHeadersAsTheWritersWrite(boolean secure, boolean hstsBefore) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/consent-decisions");
        request.setSecure(secure);

        MockHttpServletResponse written = answer(hstsBefore);
        SecurityHeaders.addTo(request, written);
        MockHttpServletResponse added = answer(hstsBefore);
        SecurityHeaders.addToNew(request, added);

        assertThat(headers(added)).containsExactlyEntriesOf(headers(written));
        assertThat(headers(written))
                .containsKeys("Content-Security-Policy", "X-Frame-Options", "Cache-Control", "X-Content-Type-Options");
        assertThat(headers(written).containsKey(SecurityHeaders.HSTS)).isEqualTo(secure || hstsBefore);
    }

    private static MockHttpServletResponse answer(boolean hstsBefore) {
        MockHttpServletResponse response = new MockHttpServletResponse();
        if (hstsBefore) {
            response.setHeader(SecurityHeaders.HSTS, "max-age=31536000");
        }
        return response;
    }

    private static Map<String, List<String>> headers(MockHttpServletResponse response) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : response.getHeaderNames()) {
            headers.put(name, response.getHeaders(name));
        }
        return headers;
    }
}
