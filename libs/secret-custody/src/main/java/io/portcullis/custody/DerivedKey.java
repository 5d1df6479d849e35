package io.portcullis.custody;

import java.util.Arrays;
import javax.security.auth.Destroyable;

/**
 * An access key derived from the {@link InstallationSecret}: its id and its secret as characters the holder wipes
 * ({@link #destroy()}) when done. {@link #toString()} shows the id only.
 */
public final class DerivedKey implements Destroyable {

    private final String accessKeyId;
    private final char[] secret;
    private boolean destroyed;

    DerivedKey(String accessKeyId, char[] secret) {
        this.accessKeyId = accessKeyId;
        this.secret = secret;
    }

    public String accessKeyId() {
        return accessKeyId;
    }

    /** A copy of the secret, for the caller to wipe. */
    public synchronized char[] secret() {
        if (destroyed) {
            throw new IllegalStateException("this derived key has been destroyed");
        }
        return secret.clone();
    }

    /** {@code accessKeyId:secret}, the form a service is given its own key in ({@code PORTCULLIS_SERVICE_CREDENTIAL}). */
    public synchronized String asConfigured() {
        return accessKeyId + ":" + new String(secret());
    }

    @Override
    public synchronized void destroy() {
        Arrays.fill(secret, '\0');
        destroyed = true;
    }

    @Override
    public synchronized boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "DerivedKey[" + accessKeyId + "]";
    }
}
