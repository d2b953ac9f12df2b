package io.jenkins.plugins.tableaupat.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The bundled self-signed certificate (CN and SAN 127.0.0.1, valid 20 years). Deliberately not trusted by
 * default, so that tests can show both "certificate not trusted" and a trusted connection.
 */
final class TlsMaterial {
    static final String KEYSTORE = "simulator-keystore.p12";
    private static final char[] PASSWORD = "simulator".toCharArray();
    private static final String ALIAS = "simulator";

    private TlsMaterial() {
    }

    private static KeyStore keyStore() {
        try (InputStream in = TlsMaterial.class.getResourceAsStream(KEYSTORE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + KEYSTORE);
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, PASSWORD);
            return ks;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load " + KEYSTORE, e);
        }
    }

    /** The server side: presents the bundled certificate. */
    static SSLContext serverContext() {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keyStore(), PASSWORD);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the simulator's TLS context", e);
        }
    }

    /** The client side: trusts the bundled certificate and nothing else. */
    static SSLContext trustingContext() {
        try {
            Certificate cert = keyStore().getCertificate(ALIAS);
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry(ALIAS, cert);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a context trusting the simulator", e);
        }
    }
}
