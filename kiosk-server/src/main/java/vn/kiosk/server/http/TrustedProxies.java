package vn.kiosk.server.http;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which peers may tell us who the client is. From anyone else the
 * {@code X-Forwarded-*} and {@code Forwarded} headers are removed before the
 * router (which honours X-Forwarded-*) sees them, so a client cannot choose
 * the address its rate limits are counted against. From a trusted proxy the
 * client is the right-most X-Forwarded-For entry that is not itself a trusted
 * proxy: entries to its left were written by the client and prove nothing.
 */
public final class TrustedProxies {
    private static final List<String> FORWARD_HEADERS = List.of("X-Forwarded-For", "X-Forwarded-Proto",
            "X-Forwarded-Host", "X-Forwarded-Port", "X-Forwarded-Ssl", "Forwarded");

    private record Cidr(byte[] network, int bits) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private final List<Cidr> ranges;

    private TrustedProxies(List<Cidr> ranges) {
        this.ranges = ranges;
    }

    /** Parses {@code 10.0.0.5, 10.1.0.0/16, ::1}; fails with an IllegalArgumentException naming the bad entry. */
    public static TrustedProxies parse(List<String> entries) {
        List<Cidr> ranges = new ArrayList<>();
        for (String entry : entries) {
            String[] parts = entry.trim().split("/", 2);
            byte[] address = literal(parts[0]);
            if (address == null) {
                throw new IllegalArgumentException("'" + entry + "' is not an IP address or CIDR range (names are not resolved)");
            }
            int bits = address.length * 8;
            if (parts.length == 2) {
                try {
                    bits = Integer.parseInt(parts[1]);
                } catch (NumberFormatException e) {
                    bits = -1;
                }
                if (bits < 0 || bits > address.length * 8) {
                    throw new IllegalArgumentException("'" + entry + "' has a bad prefix length");
                }
            }
            ranges.add(new Cidr(address, bits));
        }
        return new TrustedProxies(List.copyOf(ranges));
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    public boolean trusts(String address) {
        byte[] a = literal(address);
        if (a == null) {
            return false;
        }
        for (Cidr c : ranges) {
            if (c.contains(a)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Makes the request's forwarding headers say only what can be believed;
     * returns whether they came from a trusted proxy.
     */
    public boolean normalise(HttpServerRequest req) {
        MultiMap headers = req.headers();
        boolean any = false;
        for (String h : FORWARD_HEADERS) {
            any |= headers.contains(h);
        }
        if (!any) {
            return false;
        }
        String peer = req.remoteAddress() == null ? null : req.remoteAddress().hostAddress();
        if (peer == null || !trusts(peer)) {
            FORWARD_HEADERS.forEach(headers::remove);
            return false;
        }
        headers.remove("Forwarded");
        List<String> chain = new ArrayList<>();
        for (String value : headers.getAll("X-Forwarded-For")) {
            for (String hop : value.split(",")) {
                if (!hop.isBlank()) {
                    chain.add(hop.trim());
                }
            }
        }
        String client = null;
        for (int i = chain.size() - 1; i >= 0; i--) {
            client = chain.get(i);
            if (!trusts(client)) {
                break;
            }
        }
        if (client == null || literal(client) == null) {
            headers.remove("X-Forwarded-For");
        } else {
            headers.set("X-Forwarded-For", client);
        }
        return true;
    }

    /** The bytes of an IP literal (IPv4-mapped IPv6 as IPv4), or null; never asks DNS. */
    public static byte[] literal(String s) {
        if (s == null) {
            return null;
        }
        String v = s.trim();
        if (v.startsWith("[") && v.endsWith("]")) {
            v = v.substring(1, v.length() - 1);
        }
        int zone = v.indexOf('%');
        if (zone >= 0) {
            v = v.substring(0, zone);
        }
        boolean v4 = v.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = v.contains(":") && v.matches("[0-9A-Fa-f:.]+");
        if (!v4 && !v6 || v4 && Arrays.stream(v.split("\\.")).anyMatch(o -> Integer.parseInt(o) > 255)) {
            return null; // and so never a DNS question
        }
        try {
            return InetAddress.getByName(v).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
