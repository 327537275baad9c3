package dev.steward.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A staff member's browser session on the console: signed in through the login form, with CSRF tokens. */
public final class Console {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final Http http;

    private Console(Http http) {
        this.http = http;
    }

    public static Console signIn(int port, String username, String password) {
        Http http = new Http(port);
        HttpResponse<String> signedIn = http.postForm(
                "/login",
                Map.of(
                        "username",
                        username,
                        "password",
                        password,
                        "_csrf",
                        csrf(http.get("/login").body())));
        assertThat(signedIn.headers().firstValue("Location"))
                .as("signed in")
                .hasValueSatisfying(l -> assertThat(l).endsWith("/admin"));
        return new Console(http);
    }

    public HttpResponse<String> get(String path) {
        return http.get(path);
    }

    /** Posts a console form, taking the CSRF token from the page the form is on. */
    public HttpResponse<String> submit(String pagePath, String action, Map<String, String> fields) {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("_csrf", csrf(http.get(pagePath).body()));
        return http.postForm(action, withToken);
    }

    public static String csrf(String page) {
        Matcher matcher = CSRF.matcher(page);
        assertThat(matcher.find()).as("a CSRF token on the page").isTrue();
        return matcher.group(1);
    }
}
