package io.jenkins.plugins.tableaupat.core.http;

import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The JVM's default {@link SSLContext}, set up on first use. {@code HttpClient.build()} otherwise asks
 * for {@code SSLContext.getDefault()} at once, which loads the TLS provider and parses the cacerts trust
 * store: about a fifth of a command-line run, spent even when the server URL is plain http. An http
 * server that redirects to https still gets the default context, just later.
 */
final class LazyDefaultSslContext extends SSLContext {
    private LazyDefaultSslContext() {
        super(new Spi(), null, "Default");
    }

    static SSLContext create() {
        return new LazyDefaultSslContext();
    }

    /**
     * Parameters to give the client with this context, so that it does not ask the context for its
     * defaults (which would set it up). Null cipher suites keep the engine's defaults; the protocols are
     * the JDK's client defaults (or the jdk.tls.client.protocols the JVM was given), listed because the
     * client offers HTTP/2 over TLS only when it sees them.
     */
    static SSLParameters clientParameters() {
        SSLParameters p = new SSLParameters();
        String chosen = System.getProperty("jdk.tls.client.protocols", "").strip();
        p.setProtocols(chosen.isEmpty() ? new String[] {"TLSv1.3", "TLSv1.2"} : chosen.split("\\s*,\\s*"));
        return p;
    }

    private static final class Spi extends SSLContextSpi {
        private volatile SSLContext delegate;

        private SSLContext delegate() {
            SSLContext d = delegate;
            if (d == null) {
                synchronized (this) {
                    d = delegate;
                    if (d == null) {
                        try {
                            d = SSLContext.getDefault();
                        } catch (NoSuchAlgorithmException e) {
                            throw new IllegalStateException("this Java runtime has no default TLS context", e);
                        }
                        delegate = d;
                    }
                }
            }
            return d;
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) throws KeyManagementException {
            throw new KeyManagementException("the default TLS context is set up by the JVM, not by init()");
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return delegate().getSocketFactory();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return delegate().getServerSocketFactory();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return delegate().createSSLEngine();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return delegate().createSSLEngine(host, port);
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return delegate().getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return delegate().getClientSessionContext();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return delegate().getDefaultSSLParameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return delegate().getSupportedSSLParameters();
        }
    }
}
