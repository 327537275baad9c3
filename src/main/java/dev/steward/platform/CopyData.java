package dev.steward.platform;

/** Rows made ready for one {@code COPY ... FROM STDIN}, in the format its statement names. */
public interface CopyData {

    int rows();

    byte[] bytes();
}
