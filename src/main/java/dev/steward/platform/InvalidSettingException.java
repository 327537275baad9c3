package dev.steward.platform;

/** A setting the operator gave cannot be used; the message names the variable and what is wrong with it. */
public class InvalidSettingException extends IllegalStateException {

    public InvalidSettingException(String message) {
        super(message);
    }
}
