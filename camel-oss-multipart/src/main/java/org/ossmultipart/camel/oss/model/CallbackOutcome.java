package org.ossmultipart.camel.oss.model;

/**
 * What became of the upload callback of a PutObject or CompleteMultipartUpload. Whatever the
 * status, the object is stored: OSS calls the application server after it has committed.
 */
public record CallbackOutcome(Status status, String body) {

    public enum Status {
        /** The request carried no callback. */
        NONE,
        /** The application server answered; {@code body} is its answer as OSS relays it. */
        SUCCEEDED,
        /** OSS answered 203 CallbackFailed; {@code body} is OSS's message (the object is stored). */
        FAILED,
        /** The request's answer was lost and a retry found the object stored: whether the call succeeded is not known. */
        UNKNOWN
    }

    public static final CallbackOutcome NONE = new CallbackOutcome(Status.NONE, null);

    public static final CallbackOutcome UNKNOWN = new CallbackOutcome(
            Status.UNKNOWN,
            "the answer of the request that carried the callback was lost; the object is stored, the callback's result is unknown");
}
