package io.portcullis.sigv4;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * AWS's URI encoding: every byte except the unreserved characters {@code A-Z a-z 0-9 - . _ ~} becomes
 * {@code %XY} with upper-case hex, the slash included. Decoding is lenient: a {@code %} not followed by two hex
 * digits stays a literal {@code %}, so a request never fails to canonicalize, it only fails to match.
 */
final class UriEncoding {

    private static final HexFormat UPPER_HEX = HexFormat.of().withUpperCase();

    private UriEncoding() {
    }

    static String encode(String text) {
        return encode(text.getBytes(StandardCharsets.UTF_8));
    }

    static String encode(byte[] bytes) {
        StringBuilder encoded = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            if (isUnreserved(b)) {
                encoded.append((char) b);
            } else {
                encoded.append('%').append(UPPER_HEX.toHexDigits(b));
            }
        }
        return encoded.toString();
    }

    /**
     * The bytes {@code raw} stands for. In a query string {@code +} means a space, as the AWS SDK for Java
     * reads it and as HTML forms send it; in a path it is a plus.
     */
    static byte[] decode(String raw, boolean plusIsSpace) {
        byte[] utf8 = raw.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream decoded = new ByteArrayOutputStream(utf8.length);
        for (int i = 0; i < utf8.length; i++) {
            byte b = utf8[i];
            if (b == '%' && i + 2 < utf8.length && isHexDigit(utf8[i + 1]) && isHexDigit(utf8[i + 2])) {
                decoded.write(HexFormat.fromHexDigit(utf8[i + 1]) << 4 | HexFormat.fromHexDigit(utf8[i + 2]));
                i += 2;
            } else if (b == '+' && plusIsSpace) {
                decoded.write(' ');
            } else {
                decoded.write(b);
            }
        }
        return decoded.toByteArray();
    }

    static String decodeToString(String raw, boolean plusIsSpace) {
        return new String(decode(raw, plusIsSpace), StandardCharsets.UTF_8);
    }

    private static boolean isUnreserved(byte b) {
        return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9')
                || b == '-' || b == '.' || b == '_' || b == '~';
    }

    private static boolean isHexDigit(byte b) {
        return b >= 0 && HexFormat.isHexDigit(b);
    }
}
