package io.jenkins.plugins.tableaupat.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The main listener's single handler: records the request, applies faults, checks prefix and version, then
 * hands over to the resource.
 */
final class ApiHandler implements HttpHandler {
    private static final Logger LOG = Logger.getLogger(ApiHandler.class.getName());

    private final String prefix;
    private final ApiVersion maxVersion;
    private final FaultPlan faults;
    private final FaultResponder responder;
    private final Consumer<RecordedRequest> recorder;
    private final ServerInfoResource serverInfo;
    private final AuthResource auth;
    private final PatListResource patList;
    private final SitesResource sites;
    private final TableauState state;

    ApiHandler(String prefix, ApiVersion maxVersion, FaultPlan faults, FaultResponder responder,
            Consumer<RecordedRequest> recorder, ServerInfoResource serverInfo, AuthResource auth,
            PatListResource patList, SitesResource sites, TableauState state) {
        this.prefix = prefix;
        this.maxVersion = maxVersion;
        this.faults = faults;
        this.responder = responder;
        this.recorder = recorder;
        this.serverInfo = serverInfo;
        this.auth = auth;
        this.patList = patList;
        this.sites = sites;
        this.state = state;
    }

    @Override
    public void handle(HttpExchange ex) {
        try {
            handleOrFail(ex);
        } catch (ApiError e) {
            try {
                ErrorBody.write(ex, e);
            } catch (IOException io) {
                LOG.log(Level.FINE, "Could not send error", io);
            }
        } catch (IOException e) {
            // The client went away (for example it stopped reading a huge body): nothing to answer.
            LOG.log(Level.FINE, "I/O error answering {0}", ex.getRequestURI().getPath());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Simulator bug answering " + ex.getRequestURI().getPath(), e);
            try {
                ErrorBody.write(ex, 500, "500000", "Internal Server Error", "Simulator error");
            } catch (IOException | RuntimeException ignored) {
                // headers may already be sent
            }
        } finally {
            ex.close();
        }
    }

    private void handleOrFail(HttpExchange ex) throws IOException {
        String body = readBody(ex);
        String rawPath = ex.getRequestURI().getRawPath();
        recorder.accept(new RecordedRequest(ex.getRequestMethod(), rawPath, ex.getRequestURI().getRawQuery(),
                ex.getRequestHeaders(), body));
        LOG.log(Level.FINE, "{0} {1}", new Object[] {ex.getRequestMethod(), rawPath});

        String path = ex.getRequestURI().getPath();
        boolean inPrefix = prefix.isEmpty() || path.equals(prefix) || path.startsWith(prefix + "/");
        ApiPath api = inPrefix ? ApiPath.parse(path.substring(prefix.length())) : new ApiPath(null, null, null, null);

        List<Fault> chosen = faults.take(api.route(), () -> who(api.route(), ex, body));
        if (!chosen.isEmpty() && responder.apply(ex, chosen)) {
            return;
        }
        if (!inPrefix) {
            // What the reverse proxy in front of Tableau would answer.
            Reply.text(ex, 404, Reply.HTML_TYPE, Reply.html(404, "Not Found", "The requested URL was not found."));
            return;
        }
        if (api.version() == null) {
            throw ApiError.unknownResource(path);
        }
        ApiVersion version = ApiVersion.parse(api.version());
        if (version == null || maxVersion.below(version)) {
            throw new ApiError(404, "404001", "Resource Not Found",
                    "Version '" + api.version() + "' is not a valid version of the API");
        }
        if (api.route() == null) {
            throw ApiError.unknownResource(path);
        }
        Call call = new Call(ex, api, version, body);
        switch (api.route()) {
            case SERVERINFO -> serverInfo.handle(call);
            case SIGNIN -> auth.signIn(call);
            case SIGNOUT -> auth.signOut(call);
            case LIST_PATS -> patList.handle(call);
            case SITES -> sites.handle(call);
            default -> throw ApiError.unknownResource(path);
        }
    }

    /** The token a request is for, read without touching Tableau's state: random faults are drawn per token. */
    private String who(Route route, HttpExchange ex, String body) {
        if (route == Route.SIGNIN) {
            try {
                return SignInCredentials.parse(body, ex.getRequestHeaders().getFirst("Content-Type")).tokenName();
            } catch (ApiError notASignIn) {
                return "";
            }
        }
        String session = state.patOfSession(ex.getRequestHeaders().getFirst("X-Tableau-Auth"));
        return session == null ? "" : session;
    }

    private static String readBody(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
