package io.jenkins.plugins.tableaupat.simulator;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sites, tokens and sessions, and Tableau's rules on them. One lock guards everything: requests are few and
 * short, and a single lock keeps "kill the old session, open the new one" and the counters consistent.
 */
final class TableauState {
    private static final Logger LOG = Logger.getLogger(TableauState.class.getName());

    private final Mode mode;
    private final Clock clock;
    private final Duration idleExpiry;
    private final Duration sessionTimeout;
    private final SecureRandom random = new SecureRandom();

    private final Map<String, Site> sites = new LinkedHashMap<>();
    private final Map<String, SimulatedToken> tokens = new LinkedHashMap<>();
    /**
     * Token names by site and user, in the order added: listing a user's tokens must not scan every token
     * (the fleet benchmark holds thousands, and the scan would run under the one lock for each request).
     */
    private final Map<List<String>, Set<String>> namesByUser = new HashMap<>();
    /** When each token name was first added: its place in {@link #tokens}, kept when it is replaced. */
    private final Map<String, Long> addedSeq = new HashMap<>();
    private final Map<String, Session> sessions = new HashMap<>();
    /** PAT name to the auth token of its one live session: a PAT cannot hold two sessions. */
    private final Map<String, String> sessionOfPat = new HashMap<>();
    private int signIns;
    private int signOuts;
    private int peakSessions;
    private int displaced;

    TableauState(Mode mode, Clock clock, Duration idleExpiry, Duration sessionTimeout) {
        this.mode = mode;
        this.clock = clock;
        this.idleExpiry = idleExpiry;
        this.sessionTimeout = sessionTimeout;
        if (mode == Mode.SERVER) {
            addSite("");
        }
    }

    Mode mode() {
        return mode;
    }

    Instant now() {
        return clock.instant();
    }

    synchronized Site addSite(String contentUrl) {
        return sites.computeIfAbsent(contentUrl == null ? "" : contentUrl, Site::of);
    }

    synchronized List<Site> sites() {
        return List.copyOf(sites.values());
    }

    /** Adds or replaces (by name) a token, creating its site if needed. */
    synchronized void addToken(SimulatedToken token) {
        addSite(token.site());
        SimulatedToken old = tokens.get(token.name());
        if (old != null) {
            namesByUser.get(userKey(old.site(), old.userId())).remove(old.name());
        }
        tokens.put(token.name(), token);
        addedSeq.putIfAbsent(token.name(), (long) addedSeq.size());
        namesByUser.computeIfAbsent(userKey(token.site(), token.userId()),
                k -> new TreeSet<>(Comparator.comparing(addedSeq::get))).add(token.name());
    }

    private static List<String> userKey(String site, String userId) {
        return List.of(site, userId);
    }

    synchronized Optional<SimulatedToken> token(String name) {
        return Optional.ofNullable(tokens.get(name));
    }

    /** Signs in with a PAT or throws 401001; Tableau gives no reason, the log (FINE) does. */
    synchronized Session signIn(String name, String secret, String contentUrl) {
        Instant now = now();
        SimulatedToken t = tokens.get(name);
        Site site = sites.get(contentUrl);
        String refusal = null;
        if (t == null) {
            refusal = "unknown token name";
        } else if (!t.secret().equals(secret)) {
            refusal = "wrong secret";
        } else if (site == null) {
            refusal = "unknown site";
        } else if (!t.site().equals(contentUrl)) {
            refusal = "token belongs to another site";
        } else if (t.revoked()) {
            refusal = "revoked";
        } else if (t.expiresAt() != null && !now.isBefore(t.expiresAt())) {
            refusal = "past its expiry date";
        } else if (t.lastUsedAt() != null && now.isAfter(t.lastUsedAt().plus(idleExpiry))) {
            refusal = "unused for longer than " + idleExpiry.toDays() + " days";
        }
        if (refusal != null) {
            LOG.log(Level.FINE, "Sign-in refused for token ''{0}'': {1}", new Object[] {name, refusal});
            throw ApiError.signInError();
        }
        String previous = sessionOfPat.remove(name);
        if (previous != null && sessions.remove(previous) != null) {
            displaced++;
        }
        byte[] raw = new byte[16];
        random.nextBytes(raw);
        Session s = new Session(HexFormat.of().formatHex(raw), name, site, t.userId(), now);
        sessions.put(s.authToken, s);
        sessionOfPat.put(name, s.authToken);
        peakSessions = Math.max(peakSessions, sessions.size());
        tokens.put(name, t.withLastUsedAt(now));
        signIns++;
        return s;
    }

    /** The live session of an {@code X-Tableau-Auth} value, or 401000 (none) / 401002 (dead or unknown). */
    synchronized Session authenticate(String authToken) {
        if (authToken == null || authToken.isBlank()) {
            throw ApiError.missingAuth();
        }
        Session s = sessions.get(authToken);
        Instant now = now();
        if (s == null) {
            throw ApiError.invalidAuth();
        }
        if (s.expired(now, sessionTimeout)) {
            end(s);
            throw ApiError.invalidAuth();
        }
        s.touch(now);
        return s;
    }

    /** The PAT name of a live session's auth token, or null; changes nothing (not even the idle clock). */
    synchronized String patOfSession(String authToken) {
        Session s = authToken == null ? null : sessions.get(authToken);
        return s == null ? null : s.tokenName;
    }

    synchronized void signOut(String authToken) {
        end(authenticate(authToken));
        signOuts++;
    }

    private void end(Session s) {
        sessions.remove(s.authToken);
        sessionOfPat.remove(s.tokenName, s.authToken);
    }

    /** Tokens of one user on one site, in the order added. */
    synchronized List<SimulatedToken> tokensOf(Site site, String userId) {
        List<SimulatedToken> out = new ArrayList<>();
        for (String name : namesByUser.getOrDefault(userKey(site.contentUrl(), userId), Set.of())) {
            out.add(tokens.get(name));
        }
        return out;
    }

    synchronized int openSessions() {
        Instant now = now();
        sessions.values().removeIf(s -> {
            boolean expired = s.expired(now, sessionTimeout);
            if (expired) {
                sessionOfPat.remove(s.tokenName, s.authToken);
            }
            return expired;
        });
        return sessions.size();
    }

    synchronized int signInCount() {
        return signIns;
    }

    synchronized int signOutCount() {
        return signOuts;
    }

    synchronized int peakOpenSessions() {
        return peakSessions;
    }

    synchronized int displacedSessions() {
        return displaced;
    }

    /** Ends all sessions and zeroes the counters; tokens and sites stay. */
    synchronized void reset() {
        sessions.clear();
        sessionOfPat.clear();
        signIns = 0;
        signOuts = 0;
        peakSessions = 0;
        displaced = 0;
    }
}
