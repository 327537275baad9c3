package dev.steward.test;

/**
 * Personal values used by tests. Each contains the marker {@value #MARKER}, so that scans of database dumps, data
 * files and the whole test run's log output can prove none of them ever appears in clear text.
 */
public final class Canary {

    public static final String MARKER = "canarytoken";

    private Canary() {}

    public static String email(String who) {
        return email(who, "example.org");
    }

    public static String email(String who, String domain) {
        return who + "." + MARKER + "@" + domain;
    }

    public static String name(String who) {
        return who + " Canarytoken";
    }

    public static String phone() {
        return "+49 30 5550 1234";
    }
}
