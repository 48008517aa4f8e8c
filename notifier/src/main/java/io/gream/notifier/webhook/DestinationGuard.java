package io.gream.notifier.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps webhooks from being used for server-side request forgery: a user must not make the notifier call into the
 * network it runs in (databases, admin ports, the cloud metadata service at 169.254.169.254).
 *
 * <p>A URL is refused when any address its host resolves to is loopback, private (site-local, IPv6 unique-local
 * {@code fc00::/7}, carrier-grade NAT {@code 100.64/10}), link-local, multicast, broadcast or the wildcard address,
 * or when its port is not one of the allowed ports (80 and 443 unless configured otherwise). It is checked at
 * registration and again before every delivery, because DNS may answer differently later. The connection itself
 * goes only to addresses checked by {@link #addressesOf} when it is opened (the {@link WebhookSender}'s resolver), so
 * a resolver that changes its answer between the check and the connection (rebinding) gains nothing. Redirects are
 * never followed.
 *
 * <p>{@code allowPrivateAddresses} (local development) turns the address check off; {@code requireHttps} refuses
 * plain {@code http}; an empty {@code allowedPorts} allows every port.
 */
final class DestinationGuard {

    /** Host name to addresses; the system resolver outside tests. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivateAddresses;
    private final boolean requireHttps;
    private final Set<Integer> allowedPorts;
    private final Resolver resolver;

    DestinationGuard(boolean allowPrivateAddresses, boolean requireHttps, Set<Integer> allowedPorts,
                     Resolver resolver) {
        this.allowPrivateAddresses = allowPrivateAddresses;
        this.requireHttps = requireHttps;
        this.allowedPorts = Set.copyOf(allowedPorts);
        this.resolver = resolver;
    }

    /** The URL as it will be called, if it may be; otherwise why not. */
    URI check(String url) throws UnsafeDestinationException {
        if (url == null || url.isBlank() || url.length() > 2048) {
            throw new UnsafeDestinationException("url is required, at most 2048 characters");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new UnsafeDestinationException("not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && !requireHttps)) {
            throw new UnsafeDestinationException(requireHttps ? "must be an https URL" : "must be an http(s) URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new UnsafeDestinationException("must be an absolute URL with a host, without user info or fragment");
        }
        addressesOf(uri.getHost());
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        if (!allowedPorts.isEmpty() && !allowedPorts.contains(port)) {
            throw new UnsafeDestinationException("port " + port + " is not allowed; webhooks may use ports "
                    + allowedPorts.stream().sorted().toList());
        }
        return uri;
    }

    /** The host's addresses, resolved once, each of which may be called; otherwise why not. */
    InetAddress[] addressesOf(String host) throws UnsafeDestinationException {
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new UnsafeDestinationException("host " + host + " does not resolve");
        }
        if (allowPrivateAddresses) {
            return addresses;
        }
        for (InetAddress address : addresses) {
            if (isInternal(address)) {
                throw new UnsafeDestinationException("host " + host + " resolves to a loopback, private, link-local"
                        + " or otherwise internal address, which webhooks may not call");
            }
        }
        return addresses;
    }

    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isMulticastAddress() || address.isAnyLocalAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc // unique local fc00::/7
                    || isIpv4Compatible(b); // ::a.b.c.d and ::ffff:a.b.c.d written out in IPv6
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 0 // "this network" 0.0.0.0/8
                || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT 100.64/10
                || (first == 198 && (second == 18 || second == 19)) // benchmarking 198.18/15
                || first >= 240; // reserved 240/4 and broadcast 255.255.255.255
    }

    private static boolean isIpv4Compatible(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] == 0 && b[11] == 0) || (b[10] == (byte) 0xff && b[11] == (byte) 0xff);
    }
}
