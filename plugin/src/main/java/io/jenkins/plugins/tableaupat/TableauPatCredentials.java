package io.jenkins.plugins.tableaupat;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Util;
import hudson.model.Run;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Turns a Jenkins credential into a PAT name and secret. Two kinds are accepted: "Username with
 * password" (username = token name, password = token secret) and "Secret text" (the token name comes
 * from the {@code tokenName} field).
 */
final class TableauPatCredentials {
    /** The credential types a PAT can live in; used for the dropdown and for validation. */
    static final CredentialsMatcher MATCHER = CredentialsMatchers.anyOf(
            CredentialsMatchers.instanceOf(StandardUsernamePasswordCredentials.class),
            CredentialsMatchers.instanceOf(StringCredentials.class));

    private TableauPatCredentials() {}

    /** A token name and its secret. Prints without the secret. */
    record Token(String name, String secret) {
        @Override
        public String toString() {
            return "Token[name=" + name + ", secret=****]";
        }
    }

    /**
     * Finds the credential in the build's context (folders, the run's authentication, credentials
     * parameters), records its use, and reads the token from it.
     */
    static Token forBuild(@CheckForNull String credentialsId, @CheckForNull String tokenName, @NonNull Run<?, ?> run)
            throws AbortException {
        String id = Util.fixEmptyAndTrim(credentialsId);
        if (id == null) {
            throw new AbortException(Messages.TableauPatCredentials_NoCredentialsId());
        }
        StandardCredentials c = CredentialsProvider.findCredentialById(id, StandardCredentials.class, run);
        if (c == null) {
            throw new AbortException(Messages.TableauPatCredentials_NotFound(id));
        }
        Token token = toToken(c, tokenName);
        CredentialsProvider.track(run, c);
        return token;
    }

    /** Reads the token from a credential of one of the accepted types. */
    static Token toToken(@NonNull StandardCredentials c, @CheckForNull String tokenName) throws AbortException {
        String wanted = Util.fixEmptyAndTrim(tokenName);
        if (c instanceof StandardUsernamePasswordCredentials up) {
            String name = up.getUsername();
            if (wanted != null && !wanted.equals(name)) {
                throw new AbortException(Messages.TableauPatCredentials_TokenNameMismatch(c.getId(), name, wanted));
            }
            return new Token(name, up.getPassword().getPlainText());
        }
        if (c instanceof StringCredentials s) {
            if (wanted == null) {
                throw new AbortException(Messages.TableauPatCredentials_TokenNameRequired(c.getId()));
            }
            return new Token(wanted, s.getSecret().getPlainText());
        }
        throw new AbortException(Messages.TableauPatCredentials_WrongType(
                c.getId(), c.getDescriptor().getDisplayName()));
    }
}
