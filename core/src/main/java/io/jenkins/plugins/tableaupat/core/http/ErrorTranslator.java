package io.jenkins.plugins.tableaupat.core.http;

import io.jenkins.plugins.tableaupat.core.ErrorKind;
import io.jenkins.plugins.tableaupat.core.Redactor;
import io.jenkins.plugins.tableaupat.core.TableauException;
import io.jenkins.plugins.tableaupat.core.json.JsonTree;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * Turns an HTTP failure (an error status, or an I/O exception) into a {@link TableauException} whose
 * one-line hint says what to fix. Response bodies are never copied whole into a message; Tableau's
 * short error detail is, after redaction.
 */
public final class ErrorTranslator {
    private static final Pattern XML_CODE = Pattern.compile("<error[^>]*\\bcode=\"(\\d+)\"");
    private static final Pattern XML_DETAIL = Pattern.compile("<detail>([^<]{0,400})</detail>");
    private static final Pattern XML_SUMMARY = Pattern.compile("<summary>([^<]{0,200})</summary>");
    private static final int MAX_DETAIL = 200;

    private final Redactor redactor;

    public ErrorTranslator(Redactor redactor) {
        this.redactor = redactor;
    }

    /** Tableau's error code and detail, when the body is a Tableau error in JSON or XML. */
    record TableauError(String code, String summary, String detail) {
        static final TableauError NONE = new TableauError(null, null, null);
    }

    TableauError parseError(RestResponse r) {
        String text = r.bodyText();
        try {
            JsonTree error = JsonTree.parse(text).path("error");
            if (error.isObject()) {
                return new TableauError(error.path("code").scalarText(), error.path("summary").scalarText(),
                        error.path("detail").scalarText());
            }
        } catch (IOException notJson) {
            // Fall through to XML.
        }
        Matcher code = XML_CODE.matcher(text);
        if (code.find()) {
            Matcher summary = XML_SUMMARY.matcher(text);
            Matcher detail = XML_DETAIL.matcher(text);
            return new TableauError(code.group(1), summary.find() ? summary.group(1) : null,
                    detail.find() ? detail.group(1) : null);
        }
        return TableauError.NONE;
    }

    /** The exception for a non-2xx answer to the call. */
    public TableauException fromStatus(RestResponse r, RestCall call) {
        int status = r.status();
        TableauError err = parseError(r);
        String code = err.code();
        String what = call.operation().label();
        String host = call.uri().getHost();
        if (code == null && (r.looksLikeHtml() || status == 404) && status < 500 && status != 429) {
            return new TableauException(ErrorKind.NOT_TABLEAU, status, null, "the " + what + " request to "
                    + host + " got a page that is not from the Tableau REST API: check the server URL (and its path"
                    + " prefix if Tableau is behind a reverse proxy)");
        }
        switch (status) {
            case 400:
                return error(ErrorKind.BAD_REQUEST, status, code, "Tableau rejected the " + what
                        + " request: check the site and token name", err);
            case 401:
                if (call.operation() == Operation.SIGN_IN) {
                    return new TableauException(ErrorKind.SIGN_IN_REFUSED, status, code, "the token name or secret is"
                            + " wrong, the token was revoked or has expired (unused for 14 days, or past its expiry"
                            + " date), or it belongs to another site than '" + call.site()
                            + "': check the site, or create a new token and update the credential");
                }
                return new TableauException(ErrorKind.SESSION_INVALID, status, code, "the session ended before the "
                        + what + ", usually because the same token signed in somewhere else at the same time: give"
                        + " each job that runs concurrently its own token");
            case 403:
                return error(ErrorKind.FORBIDDEN, status, code, "the token's user may not read the " + what, err);
            case 404:
                return notFound(status, code, call, err);
            case 405:
                return new TableauException(ErrorKind.METHOD_NOT_ALLOWED, status, code, "a redirect turned the "
                        + what + " POST into a GET: use https:// and the exact host Tableau runs on (for Tableau Cloud"
                        + " the pod, e.g. https://10ax.online.tableau.com)");
            case 429:
                return error(ErrorKind.RATE_LIMITED, status, code, "Tableau is rate limiting this user: run the"
                        + " refresh less often or try again later", err);
            default:
                if (status >= 500) {
                    return new TableauException(ErrorKind.SERVER_ERROR, status, code, "Tableau failed to answer the "
                            + what + ": try again later and check the Tableau status page or server logs");
                }
                return error(ErrorKind.UNEXPECTED, status, code, "unexpected answer to the " + what, err);
        }
    }

    private TableauException notFound(int status, String code, RestCall call, TableauError err) {
        String what = call.operation().label();
        if ("404001".equals(code) && err.detail() != null && err.detail().toLowerCase().contains("version")) {
            return new TableauException(ErrorKind.API_VERSION_UNSUPPORTED, status, code, "this Tableau does not know"
                    + " REST API version " + call.apiVersion() + ": leave the API version empty to use the server's own");
        }
        if ("404003".equals(code) || "404008".equals(code)) {
            return new TableauException(ErrorKind.NOT_SUPPORTED, status, code, "this Tableau does not offer the "
                    + what + " with REST API " + call.apiVersion() + " (too old a version, or not Tableau)");
        }
        if (call.operation() == Operation.SIGN_IN) {
            return new TableauException(ErrorKind.SITE_NOT_FOUND, status, code, "site '" + call.site()
                    + "' was not found: use the site's content URL (the part after /site/ in the browser address)");
        }
        return error(ErrorKind.NOT_SUPPORTED, status, code, "the " + what + " was not found", err);
    }

    private TableauException error(ErrorKind kind, int status, String code, String hint, TableauError err) {
        String detail = oneLine(err.detail() != null ? err.detail() : err.summary());
        return new TableauException(kind, status, code, detail == null ? hint : hint + " (Tableau says: " + detail + ")");
    }

    private String oneLine(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String line = redactor.redact(text).replaceAll("[\\r\\n\\t]+", " ").strip();
        return line.length() > MAX_DETAIL ? line.substring(0, MAX_DETAIL) + "…" : line;
    }

    /** The exception for a call that got no HTTP answer. */
    public TableauException fromIo(Throwable t, RestCall call, Duration timeout) {
        String host = call.uri().getHost();
        String hostPort = host + (call.uri().getPort() >= 0 ? ":" + call.uri().getPort() : "");
        String what = call.operation().label();
        if (t instanceof HttpConnectTimeoutException) {
            return new TableauException(ErrorKind.TIMEOUT, 0, null, "could not connect to " + hostPort + " within "
                    + timeout.toSeconds() + " s: check the server URL, the firewall and the proxy settings", t);
        }
        if (t instanceof HttpTimeoutException) {
            return new TableauException(ErrorKind.TIMEOUT, 0, null, "Tableau did not answer the " + what
                    + " within " + timeout.toSeconds() + " s: check that the URL points at Tableau, or raise the timeout", t);
        }
        if (t instanceof SSLException) {
            if (isCertificateProblem(t)) {
                return new TableauException(ErrorKind.TLS_UNTRUSTED, 0, null, "the certificate of " + host
                        + " is not trusted by this Java runtime: add your CA certificate to its trust store (for"
                        + " Jenkins, the controller's JVM)", t);
            }
            return new TableauException(ErrorKind.TLS_FAILED, 0, null, "the TLS handshake with " + hostPort
                    + " failed: check that the server speaks https on this port", t);
        }
        if (hasCause(t, UnresolvedAddressException.class) || hasCause(t, UnknownHostException.class)) {
            return new TableauException(ErrorKind.UNKNOWN_HOST, 0, null, "the host name " + host
                    + " cannot be resolved: check the server URL", t);
        }
        if (t instanceof ConnectException) {
            return new TableauException(ErrorKind.CONNECTION_REFUSED, 0, null, "nothing accepted a connection at "
                    + hostPort + ": check the server URL and port, and that Tableau is running", t);
        }
        return new TableauException(ErrorKind.CONNECTION_FAILED, 0, null, "the connection to " + hostPort
                + " closed before Tableau answered the " + what + ": check proxies and load balancers in between", t);
    }

    private static boolean isCertificateProblem(Throwable t) {
        if (hasCause(t, CertificateException.class)) {
            return true;
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            String m = String.valueOf(c.getMessage());
            if (c instanceof SSLHandshakeException && (m.contains("PKIX") || m.contains("certificate"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
