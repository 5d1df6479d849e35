package io.portcullis.policylang.syntax;

import java.util.Optional;

/**
 * An IPv4 or IPv6 address block. A bare address is a block of one. Addresses are held as two 64-bit
 * halves (IPv4 in the low 32 bits of {@code low}); the families never match each other.
 */
public record Cidr(boolean ipv4, long high, long low, int prefixLength) {

    /** Parses {@code 203.0.113.0/24}, {@code 10.1.2.3}, {@code 2001:db8::/32} or {@code ::1}. */
    public static Optional<Cidr> parse(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        long[] bits = new long[2];
        boolean ipv4;
        if (address.indexOf(':') >= 0) {
            if (!parseIpv6(address, bits)) {
                return Optional.empty();
            }
            ipv4 = false;
        } else {
            long v4 = parseIpv4(address);
            if (v4 < 0) {
                return Optional.empty();
            }
            bits[1] = v4;
            ipv4 = true;
        }
        int max = ipv4 ? 32 : 128;
        int prefix = max;
        if (slash >= 0) {
            String digits = text.substring(slash + 1);
            if (digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Optional.empty();
            }
            prefix = Integer.parseInt(digits);
            if (prefix > max) {
                return Optional.empty();
            }
        }
        return Optional.of(new Cidr(ipv4, bits[0], bits[1], prefix));
    }

    /** Whether {@code address} (a block of one, or any block) lies inside this block. */
    public boolean contains(Cidr address) {
        if (address.ipv4 != ipv4) {
            return false;
        }
        if (ipv4) {
            long mask = prefixLength == 0 ? 0 : (0xFFFFFFFFL << (32 - prefixLength)) & 0xFFFFFFFFL;
            return (address.low & mask) == (low & mask);
        }
        long highMask = maskOf(Math.min(prefixLength, 64));
        long lowMask = maskOf(Math.max(prefixLength - 64, 0));
        return (address.high & highMask) == (high & highMask) && (address.low & lowMask) == (low & lowMask);
    }

    private static long maskOf(int bits) {
        return bits == 0 ? 0L : -1L << (64 - bits);
    }

    /** The IPv4 address as an unsigned 32-bit value, or -1. */
    private static long parseIpv4(String text) {
        long value = 0;
        int parts = 0;
        int i = 0;
        int n = text.length();
        while (i <= n) {
            int start = i;
            int part = 0;
            while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9' && i - start < 3) {
                part = part * 10 + (text.charAt(i) - '0');
                i++;
            }
            if (i == start || part > 255) {
                return -1;
            }
            value = (value << 8) | part;
            parts++;
            if (i == n) {
                break;
            }
            if (text.charAt(i) != '.' || parts == 4) {
                return -1;
            }
            i++;
        }
        return parts == 4 ? value : -1;
    }

    private static boolean parseIpv6(String text, long[] out) {
        int doubleColon = text.indexOf("::");
        if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        int[] groups = new int[8];
        int count;
        if (doubleColon < 0) {
            count = parseGroups(text, groups, 0, true);
            if (count != 8) {
                return false;
            }
        } else {
            String head = text.substring(0, doubleColon);
            String tail = text.substring(doubleColon + 2);
            int[] tailGroups = new int[8];
            int headCount = head.isEmpty() ? 0 : parseGroups(head, groups, 0, false);
            int tailCount = tail.isEmpty() ? 0 : parseGroups(tail, tailGroups, 0, true);
            if (headCount < 0 || tailCount < 0 || headCount + tailCount > 7) {
                return false;
            }
            System.arraycopy(tailGroups, 0, groups, 8 - tailCount, tailCount);
        }
        long high = 0;
        long low = 0;
        for (int g = 0; g < 4; g++) {
            high = (high << 16) | groups[g];
            low = (low << 16) | groups[g + 4];
        }
        out[0] = high;
        out[1] = low;
        return true;
    }

    /** Parses colon-separated hex groups (the last may be dotted IPv4 when allowed); returns the count or -1. */
    private static int parseGroups(String text, int[] groups, int offset, boolean ipv4TailAllowed) {
        String[] parts = text.split(":", -1);
        int count = offset;
        for (int p = 0; p < parts.length; p++) {
            String part = parts[p];
            boolean last = p == parts.length - 1;
            if (last && ipv4TailAllowed && part.indexOf('.') >= 0) {
                long v4 = parseIpv4(part);
                if (v4 < 0 || count + 2 > 8) {
                    return -1;
                }
                groups[count++] = (int) (v4 >>> 16);
                groups[count++] = (int) (v4 & 0xFFFF);
                continue;
            }
            if (part.isEmpty() || part.length() > 4 || count >= 8) {
                return -1;
            }
            int value = 0;
            for (int i = 0; i < part.length(); i++) {
                int digit = Character.digit(part.charAt(i), 16);
                if (digit < 0) {
                    return -1;
                }
                value = (value << 4) | digit;
            }
            groups[count++] = value;
        }
        return count;
    }
}
