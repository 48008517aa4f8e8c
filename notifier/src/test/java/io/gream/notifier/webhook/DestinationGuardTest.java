package io.gream.notifier.webhook;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Server-side request forgery: webhook URLs may not point into the notifier's own network. */
class DestinationGuardTest {

    private final DestinationGuard production = new DestinationGuard(false, true, Set.of(80, 443),
            InetAddress::getAllByName);
    private final DestinationGuard local = new DestinationGuard(true, false, Set.of(), InetAddress::getAllByName);

    @ParameterizedTest
    @ValueSource(strings = {
            "https://127.0.0.1/hook",            // loopback
            "https://127.8.9.10/hook",           // all of 127/8
            "https://localhost:8443/hook",       // a name resolving to loopback
            "https://[::1]/hook",                // IPv6 loopback
            "https://10.1.2.3/hook",             // private
            "https://172.16.0.1/hook",
            "https://192.168.1.20/hook",
            "https://169.254.169.254/latest/meta-data/", // link-local: the cloud metadata service
            "https://[fe80::1]/hook",            // IPv6 link-local
            "https://[fd12:3456::1]/hook",       // IPv6 unique local
            "https://0.0.0.0/hook",              // wildcard
            "https://[::]/hook",
            "https://224.0.0.1/hook",            // multicast
            "https://100.64.0.1/hook",           // carrier-grade NAT
            "https://255.255.255.255/hook",      // broadcast
            "https://[::ffff:127.0.0.1]/hook",   // IPv4-mapped loopback
            "https://2130706433/hook",           // 127.0.0.1 written as one number
    })
    void refusesUrlsThatResolveToInternalAddresses(String url) {
        assertThatThrownBy(() -> production.check(url))
                .isInstanceOf(UnsafeDestinationException.class)
                .hasMessageContaining("internal address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://93.184.215.14/hook", "ftp://93.184.215.14/hook", "file:///etc/passwd",
            "https://user:pw@93.184.215.14/hook", "not a url", "/relative/path", ""})
    void refusesPlainHttpOtherSchemesCredentialsAndGarbage(String url) {
        assertThatThrownBy(() -> production.check(url)).isInstanceOf(UnsafeDestinationException.class);
    }

    @Test
    void refusesHostsThatDoNotResolve() {
        assertThatThrownBy(() -> production.check("https://no-such-host.invalid/hook"))
                .hasMessageContaining("does not resolve");
    }

    @Test
    void acceptsHttpsToAPublicAddress() throws Exception {
        assertThat(production.check("https://93.184.215.14/hooks/gream").getHost()).isEqualTo("93.184.215.14");
        assertThat(production.check("https://93.184.215.14:443/hooks/gream").getPort()).isEqualTo(443);
        assertThat(production.check("https://[2606:4700::1111]/hook").getPort()).isEqualTo(-1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://93.184.215.14:8443/hook", "https://93.184.215.14:22/hook",
            "https://93.184.215.14:6379/hook"})
    void refusesPortsOtherThanTheStandardOnes(String url) {
        assertThatThrownBy(() -> production.check(url))
                .isInstanceOf(UnsafeDestinationException.class)
                .hasMessageContaining("port");
    }

    @Test
    void localProfileAllowsThisMachineOverHttp() throws Exception {
        assertThat(local.check("http://127.0.0.1:9000/hook").getPort()).isEqualTo(9000);
        assertThat(local.check("http://localhost:9000/hook").getHost()).isEqualTo("localhost");
    }
}
