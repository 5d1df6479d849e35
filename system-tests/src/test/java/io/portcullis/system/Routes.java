package io.portcullis.system;

import io.portcullis.testkit.ServiceProcess;
import java.util.concurrent.ThreadLocalRandom;

/** What the system tests address: fresh accounts, and the routes several tests call. */
final class Routes {

    private Routes() {
    }

    /** A random 12-digit account, so tests sharing a broker never meet. */
    static String newAccount() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 1_000_000_000_000L));
    }

    static String users(ServiceProcess identity, String account) {
        return identity.baseUrl() + "/v1/accounts/" + account + "/users";
    }

    static String accessKeys(ServiceProcess credential, String account, String userName) {
        return credential.baseUrl() + "/v1/accounts/" + account + "/users/" + userName + "/access-keys";
    }
}
