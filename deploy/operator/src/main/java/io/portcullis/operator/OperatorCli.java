package io.portcullis.operator;

import io.portcullis.custody.DerivedKey;
import io.portcullis.custody.InstallationSecret;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The operator's commands. The installation secret comes from the environment
 * ({@code PORTCULLIS_AUTHZ_INSTALLATION_SECRET}), never from the command line, where {@code ps} would show it.
 *
 * <pre>
 * service-credential SERVICE                 prints SERVICE's key as PORTCULLIS_SERVICE_CREDENTIAL takes it (id:secret)
 * root-key ACCOUNT --credentials F --profile P
 *                                            writes the root key of ACCOUNT to the credentials file F as profile P
 * bootstrap --account A --identity URL --policy URL --credential URL --credentials F --profile P [--user admin]
 *                                            makes user admin of A an administrator with a new key, written to F as P,
 *                                            unless F already holds P (once per installation)
 * </pre>
 */
public final class OperatorCli {

    static final String SECRET_VARIABLE = "PORTCULLIS_AUTHZ_INSTALLATION_SECRET";

    private OperatorCli() {
    }

    public static void main(String[] args) {
        try {
            System.exit(run(args, System.getenv(SECRET_VARIABLE)));
        } catch (IllegalArgumentException e) {
            System.err.println("operator: " + e.getMessage());
            System.exit(2);
        } catch (IOException e) {
            System.err.println("operator: " + e.getMessage());
            System.exit(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.exit(1);
        }
    }

    static int run(String[] args, String configuredSecret) throws IOException, InterruptedException {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: service-credential SERVICE | root-key ACCOUNT --credentials F --profile P"
                    + " | bootstrap --account A --identity URL --policy URL --credential URL --credentials F --profile P [--user NAME]");
        }
        InstallationSecret installation = InstallationSecret.parse(configuredSecret);
        Map<String, String> options = options(Arrays.copyOfRange(args, args[0].equals("bootstrap") ? 1 : 2, args.length));
        switch (args[0]) {
            case "service-credential" -> {
                DerivedKey key = installation.service(positional(args));
                try {
                    System.out.println(key.asConfigured());
                } finally {
                    key.destroy();
                }
            }
            case "root-key" -> {
                String account = positional(args);
                DerivedKey root = installation.accountRoot(account);
                try {
                    char[] secret = root.secret();
                    new CredentialsFile(Path.of(required(options, "credentials"))).write(required(options, "profile"), root.accessKeyId(), secret);
                    Arrays.fill(secret, '\0');
                    System.out.println("Wrote the root key of " + account + " (" + root.accessKeyId() + ") as profile "
                            + options.get("profile") + " to " + options.get("credentials"));
                } finally {
                    root.destroy();
                }
            }
            case "bootstrap" -> {
                return bootstrap(installation, options);
            }
            default -> throw new IllegalArgumentException("unknown command '" + args[0] + "'");
        }
        return 0;
    }

    private static int bootstrap(InstallationSecret installation, Map<String, String> options) throws IOException, InterruptedException {
        CredentialsFile file = new CredentialsFile(Path.of(required(options, "credentials")));
        String profile = required(options, "profile");
        if (file.accessKeyIdOf(profile).isPresent()) {
            System.out.println("The administrator's key is already in " + options.get("credentials") + " (profile " + profile + ").");
            return 0;
        }
        String account = required(options, "account");
        Bootstrap bootstrap = new Bootstrap(new Bootstrap.Endpoints(required(options, "identity"), required(options, "policy"),
                required(options, "credential")));
        DerivedKey root = installation.accountRoot(account);
        try {
            Bootstrap.IssuedKey key = bootstrap.administrator(account, options.getOrDefault("user", "admin"), root);
            try {
                file.write(profile, key.accessKeyId(), key.secret());
            } finally {
                Arrays.fill(key.secret(), '\0');
            }
            System.out.println("Made " + key.userArn() + " (AdministratorAccess) with access key " + key.accessKeyId()
                    + "; its secret is in " + options.get("credentials") + " (profile " + profile + ", readable by you only).");
        } finally {
            root.destroy();
        }
        return 0;
    }

    private static String positional(String[] args) {
        if (args.length < 2 || args[1].startsWith("--")) {
            throw new IllegalArgumentException(args[0] + " needs an argument");
        }
        return args[1];
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value, found '" + args[i] + "'");
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
