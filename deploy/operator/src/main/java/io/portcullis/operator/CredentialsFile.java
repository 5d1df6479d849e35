package io.portcullis.operator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A credentials file in the AWS CLI's format ({@code [profile]} sections of {@code aws_access_key_id} and
 * {@code aws_secret_access_key}), readable and writable by its owner only: the AWS CLI and SDKs read it as
 * {@code AWS_SHARED_CREDENTIALS_FILE}. Writing a profile replaces that profile's section and keeps the others.
 */
public final class CredentialsFile {

    private final Path file;

    public CredentialsFile(Path file) {
        this.file = file;
    }

    /** The access key id of {@code profile}, when the file has one. */
    public Optional<String> accessKeyIdOf(String profile) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        boolean inProfile = false;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String trimmed = line.trim();
            if (trimmed.startsWith("[")) {
                inProfile = trimmed.equals("[" + profile + "]");
            } else if (inProfile && trimmed.startsWith("aws_access_key_id")) {
                return Optional.of(trimmed.substring(trimmed.indexOf('=') + 1).trim());
            }
        }
        return Optional.empty();
    }

    /** Writes {@code profile} with this key, creating the file (mode 600, its folder 700) when it does not exist. */
    public void write(String profile, String accessKeyId, char[] secret) throws IOException {
        List<String> kept = new ArrayList<>();
        if (Files.exists(file)) {
            boolean skipping = false;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String trimmed = line.trim();
                if (trimmed.startsWith("[")) {
                    skipping = trimmed.equals("[" + profile + "]");
                }
                if (!skipping) {
                    kept.add(line);
                }
            }
        }
        while (!kept.isEmpty() && kept.get(kept.size() - 1).isBlank()) {
            kept.remove(kept.size() - 1);
        }
        StringBuilder text = new StringBuilder();
        kept.forEach(line -> text.append(line).append('\n'));
        if (text.length() > 0) {
            text.append('\n');
        }
        text.append('[').append(profile).append("]\n")
                .append("aws_access_key_id = ").append(accessKeyId).append('\n')
                .append("aws_secret_access_key = ").append(secret).append('\n');
        Path folder = file.toAbsolutePath().getParent();
        if (!Files.exists(folder)) {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        Path written = Files.createTempFile(folder, ".credentials", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(written, text, StandardCharsets.UTF_8);
            Files.move(written, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(written);
        }
    }
}
