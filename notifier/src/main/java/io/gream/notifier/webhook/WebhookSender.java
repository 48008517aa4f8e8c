package io.gream.notifier.webhook;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;

/**
 * Sends one webhook request, connecting only to addresses the {@link DestinationGuard} approved as the connection
 * was opened.
 *
 * <p>Apache HttpClient 5 takes a {@link DnsResolver} per client: the guard resolves the host once, checks every
 * address and hands exactly those to the connection, while the URL keeps its host name, so the {@code Host} header,
 * the TLS server name (SNI) and the name the certificate is verified against are the registered ones. The JDK's
 * {@code HttpClient} offers no per-client resolver (connecting to the checked IP literal instead breaks SNI and
 * certificate checks, and {@code Host} is a restricted header), and the JDK's {@code InetAddressResolver} service is
 * global to the JVM, so it would filter Kafka's, the database's and the identity provider's lookups too.
 *
 * <p>Redirects are never followed, nothing is retried here (the outbox retries), and the response body is never
 * read: closing the response drops the connection. Limit: the request timeout bounds each wait for the receiver,
 * not the exchange as a whole.
 */
final class WebhookSender implements AutoCloseable {

    private final CloseableHttpClient http;

    WebhookSender(DestinationGuard guard, Duration connectTimeout, Duration requestTimeout, int connectionsPerHost) {
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new GuardedResolver(guard))
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout))
                                .setSocketTimeout(Timeout.of(requestTimeout))
                                .build())
                        .setMaxConnPerRoute(connectionsPerHost)
                        .setMaxConnTotal(Math.max(connectionsPerHost, 1_000))
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(requestTimeout))
                        .setRedirectsEnabled(false)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .evictIdleConnections(TimeValue.ofMinutes(1))
                .build();
    }

    /**
     * POSTs {@code body} as JSON with the given headers.
     *
     * @return the receiver's status
     * @throws UnsafeDestinationException when the host resolves, as the connection is opened, to an address the
     *                                    guard refuses
     * @throws IOException                when the receiver cannot be reached or does not answer in time
     */
    int post(URI uri, Map<String, String> headers, byte[] body) throws IOException, UnsafeDestinationException {
        HttpPost request = new HttpPost(uri);
        headers.forEach(request::setHeader);
        request.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        try (ClassicHttpResponse response = http.executeOpen(null, request, null)) {
            return response.getCode();
        } catch (RefusedAddressException e) {
            throw e.refusal;
        }
    }

    @Override
    public void close() throws IOException {
        http.close();
    }

    /** The guard as the client's resolver: the addresses it returns are the only ones the client connects to. */
    private record GuardedResolver(DestinationGuard guard) implements DnsResolver {

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            try {
                return guard.addressesOf(host);
            } catch (UnsafeDestinationException e) {
                throw new RefusedAddressException(e);
            }
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host; // only for authentication schemes webhooks do not use; no reverse lookup
        }
    }

    /** Carries the guard's refusal through the client, which only lets {@link IOException}s out of a resolver. */
    private static final class RefusedAddressException extends UnknownHostException {

        private final transient UnsafeDestinationException refusal;

        RefusedAddressException(UnsafeDestinationException refusal) {
            super(refusal.getMessage());
            this.refusal = refusal;
        }
    }
}
