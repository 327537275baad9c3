package dev.steward.cookies;

/** The banner changed since the visitor was shown it (a new notice version, new wording): the page must reload. */
class StaleBannerException extends RuntimeException {

    StaleBannerException() {
        super("The cookie banner changed since it was shown");
    }
}
