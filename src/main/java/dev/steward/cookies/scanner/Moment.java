package dev.steward.cookies.scanner;

/** When the scanner saw something: before the visitor chose, or after they rejected or accepted everything. */
public enum Moment {
    BEFORE_CHOICE("before any choice"),
    AFTER_REJECTING("after \u201cReject all\u201d"),
    AFTER_ACCEPTING("after \u201cAccept all\u201d");

    private final String words;

    Moment(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
