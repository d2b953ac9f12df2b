package io.jenkins.plugins.tableaupat;

import hudson.BulkChange;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.XmlFile;
import hudson.model.Run;
import hudson.model.Saveable;
import io.jenkins.plugins.tableaupat.core.RefreshResult;
import io.jenkins.plugins.tableaupat.core.overview.AttentionRule;
import io.jenkins.plugins.tableaupat.core.overview.Dismissal;
import io.jenkins.plugins.tableaupat.core.overview.TokenOverview;
import io.jenkins.plugins.tableaupat.core.overview.TokenRecord;
import java.io.File;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;

/**
 * The token overview of this controller, fed by every refresh and kept in
 * {@code JENKINS_HOME/io.jenkins.plugins.tableaupat.TokenOverviewStore.xml}: written atomically by
 * {@link XmlFile} after each change, read back at startup. Holds names, dates, verdicts and the redacted
 * summaries of the core's results, never a secret. Also remembers what an administrator dismissed in the
 * warning banner.
 *
 * <p>The file holds classes of the bundled core library, which Jenkins' XStream class filter (JEP-200)
 * rejects unless listed in {@code META-INF/hudson.remoting.ClassFilter}; keep that list in step.
 */
@Extension
public final class TokenOverviewStore implements Saveable {
    private static final Logger LOGGER = Logger.getLogger(TokenOverviewStore.class.getName());
    static final String FILE_NAME = TokenOverviewStore.class.getName() + ".xml";
    /** "Now" for staleness and days left; tests move it forward instead of waiting. */
    static final AtomicReference<Clock> CLOCK = new AtomicReference<>(Clock.systemUTC());

    // Set once while loading; volatile so that readers (pages, the banner) need not wait for a save.
    private volatile TokenOverview overview;
    private volatile Dismissal dismissal;

    public TokenOverviewStore() {
        XmlFile file = file();
        if (file.exists()) {
            try {
                file.unmarshal(this);
            } catch (IOException e) {
                LOGGER.log(Level.WARNING, "Cannot read the Tableau token overview " + file
                        + "; starting with an empty one (the next refresh of each token fills it again)", e);
            }
        }
        if (overview == null) {
            overview = new TokenOverview(TokenOverview.DEFAULT_CAPACITY);
        }
        if (dismissal == null) {
            dismissal = new Dismissal();
        }
    }

    public static TokenOverviewStore get() {
        return ExtensionList.lookupSingleton(TokenOverviewStore.class);
    }

    private static XmlFile file() {
        return new XmlFile(Jenkins.XSTREAM2, new File(Jenkins.get().getRootDir(), FILE_NAME));
    }

    /**
     * Folds the refreshes of one run into the overview and saves it once. A failure to save is logged,
     * not thrown: the build's own result must not depend on the overview.
     *
     * @param credentialsIds the credentials of each result, in the same order
     */
    synchronized void record(Run<?, ?> run, List<String> credentialsIds, List<RefreshResult> results) {
        for (int i = 0; i < results.size(); i++) {
            overview.record(credentialsIds.get(i), results.get(i), run.getFullDisplayName(), run.getUrl());
        }
        // A token that recovered is no longer covered by an old dismissal: if it fails again, say so again.
        dismissal.retainOnly(attentionKeys());
        try {
            save();
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Cannot save the Tableau token overview to " + file(), e);
        }
    }

    /** Removes a token that is gone for good; false when it was not known. */
    synchronized boolean forget(String key) throws IOException {
        boolean known = overview.forget(key);
        if (known) {
            save();
        }
        return known;
    }

    /** Remembers what needs attention now as seen and dismissed by an administrator. */
    synchronized void dismiss() throws IOException {
        dismissal.dismiss(attentionKeys());
        save();
    }

    /** Whether everything that needs attention now was dismissed before. */
    boolean dismissalCovers() {
        return dismissal.covers(attentionKeys());
    }

    /** The rule as configured (stale-refresh days) and as of {@link #CLOCK}. */
    AttentionRule rule() {
        // The setters refuse other values; a hand-edited file must not break every page and build.
        int staleDays = Math.max(1, Math.min(AttentionRule.MAX_STALE_DAYS,
                TableauPatGlobalConfiguration.get().getStaleDays()));
        return new AttentionRule(staleDays, CLOCK.get());
    }

    Set<String> attentionKeys() {
        return rule().attentionKeys(overview.records());
    }

    List<TokenRecord> records() {
        return overview.records();
    }

    TokenOverview overview() {
        return overview;
    }

    @Override
    public synchronized void save() throws IOException {
        if (BulkChange.contains(this)) {
            return;
        }
        file().write(this);
    }
}
