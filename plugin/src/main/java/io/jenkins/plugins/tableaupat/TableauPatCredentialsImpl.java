package io.jenkins.plugins.tableaupat;

import com.cloudbees.plugins.credentials.CredentialsNameProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.NameWith;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.impl.BaseStandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.util.FormValidation;
import hudson.util.Secret;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;

/**
 * The credential kind "Tableau personal access token": a token name and its secret. It is a
 * {@link StandardUsernamePasswordCredentials} (username = token name, password = secret), so it also
 * works with {@code withCredentials([usernamePassword(...)])} and wherever a Username with password
 * credential does. Lists show the token name and description, never the secret.
 */
@NameWith(value = TableauPatCredentialsImpl.NameProvider.class, priority = 50)
public class TableauPatCredentialsImpl extends BaseStandardCredentials implements StandardUsernamePasswordCredentials {
    private static final long serialVersionUID = 1L;

    private final String tokenName;
    private final Secret tokenSecret;

    @DataBoundConstructor
    public TableauPatCredentialsImpl(
            @CheckForNull CredentialsScope scope,
            @CheckForNull String id,
            @CheckForNull String description,
            @CheckForNull String tokenName,
            @CheckForNull Secret tokenSecret) {
        super(scope, id, description);
        this.tokenName = Util.fixNull(tokenName).trim();
        this.tokenSecret = tokenSecret == null ? Secret.fromString("") : tokenSecret;
    }

    /** The token's name as Tableau shows it under My Account Settings. */
    @NonNull
    public String getTokenName() {
        return tokenName;
    }

    @NonNull
    public Secret getTokenSecret() {
        return tokenSecret;
    }

    @NonNull
    @Override
    public String getUsername() {
        return tokenName;
    }

    @NonNull
    @Override
    public Secret getPassword() {
        return tokenSecret;
    }

    /**
     * The token name is not a secret: masking it would hide it from every log line that names the token.
     * (Declared by the credentials plugin's username interfaces in recent versions, hence no {@code @Override}:
     * this compiles against versions with and without it.)
     */
    public boolean isUsernameSecret() {
        return false;
    }

    /** "token-name (description)", as the credentials plugin names a username/password credential. */
    public static final class NameProvider extends CredentialsNameProvider<TableauPatCredentialsImpl> {
        @NonNull
        @Override
        public String getName(@NonNull TableauPatCredentialsImpl c) {
            String description = Util.fixEmptyAndTrim(c.getDescription());
            return description == null ? c.getTokenName() : c.getTokenName() + " (" + description + ")";
        }
    }

    @Extension(ordinal = 2)
    @Symbol("tableauPersonalAccessToken")
    public static final class DescriptorImpl extends BaseStandardCredentialsDescriptor {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.TableauPatCredentialsImpl_DisplayName();
        }

        @Override
        public String getIconClassName() {
            return "symbol-key";
        }

        public FormValidation doCheckTokenName(@QueryParameter String value) {
            return Util.fixEmptyAndTrim(value) == null
                    ? FormValidation.error(Messages.TableauPatCredentialsImpl_NoTokenName())
                    : FormValidation.ok();
        }
    }
}
