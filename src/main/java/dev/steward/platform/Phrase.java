package dev.steward.platform;

import java.util.List;

/**
 * Words a page will show, named by their message code and filled in with the arguments, so that the page writes them
 * in the reader's language ({@code #messages.msgWithParams}) rather than the thrower in English.
 */
public record Phrase(String code, List<Object> arguments) {

    public Phrase {
        arguments = List.copyOf(arguments);
    }

    public static Phrase of(String code, Object... arguments) {
        return new Phrase(code, List.of(arguments));
    }

    /** For the template, which passes an array to the message source. */
    public Object[] argumentArray() {
        return arguments.toArray();
    }
}
