package dev.steward.platform;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/** The body of every JSON error answer: {@code {"errors":[{"field":…,"code":…,"message":…}]}}. */
public record ApiErrors(List<FieldError> errors) {

    private static final JsonMapper JSON = JsonMapper.shared();

    public static ApiErrors of(String code, String message) {
        return new ApiErrors(List.of(new FieldError(null, code, message)));
    }

    /** Answers with this body, for the filters that refuse a request before any controller sees it. */
    public void send(HttpServletResponse response, int status) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(this));
    }
}
