package io.jenkins.plugins.tableaupat.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyManagementException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.Test;

/** The lazy context behaves as the JVM's default one once used (the https rows of RefreshFaultMatrixTest use it too). */
class LazyDefaultSslContextTest {
    @Test
    void enginesComeFromTheDefaultContext() throws Exception {
        SSLContext lazy = LazyDefaultSslContext.create();
        SSLEngine engine = lazy.createSSLEngine("tableau.example.com", 443);
        assertThat(engine.getPeerHost()).isEqualTo("tableau.example.com");
        assertThat(engine.getEnabledProtocols()).containsExactlyInAnyOrder(
                SSLContext.getDefault().createSSLEngine().getEnabledProtocols());
        assertThat(lazy.getDefaultSSLParameters().getCipherSuites())
                .isEqualTo(SSLContext.getDefault().getDefaultSSLParameters().getCipherSuites());
    }

    @Test
    void itCannotBeReinitialised() {
        assertThatThrownBy(() -> LazyDefaultSslContext.create().init(null, null, null))
                .isInstanceOf(KeyManagementException.class);
    }

    @Test
    void theClientParametersOfferTheDefaultProtocolsSoHttp2StaysAvailable() throws Exception {
        assertThat(LazyDefaultSslContext.clientParameters().getProtocols())
                .containsExactly(SSLContext.getDefault().getDefaultSSLParameters().getProtocols());
        assertThat(LazyDefaultSslContext.clientParameters().getCipherSuites()).isNull();
    }
}
