package io.portcullis.runtime.projection;

/**
 * A consistency token that no write returned: it names a partition the topics do not have, or an offset
 * beyond what has been written. Waiting for it would only hold a worker until the request times out, so the
 * read is refused at once ({@code ValidationError}, 400).
 */
public final class TokenNotReturnedException extends IllegalArgumentException {

    public TokenNotReturnedException(ConsistencyToken token, String why) {
        super("Consistency-Token '" + token + "' is not one a write returned: " + why + ".");
    }
}
