package io.jenkins.plugins.tableaupat;

import static io.jenkins.plugins.casc.misc.Util.toYamlString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsNameProvider;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.casc.CredentialsRootConfigurator;
import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import io.jenkins.plugins.casc.model.CNode;
import java.util.List;
import java.util.Objects;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.Test;

/**
 * The credential kind declared with its JCasC symbol, and exported without its secret in clear (as
 * github-branch-source's GitHubAppCredentialsJCasCCompatibilityTest does for its kind).
 */
@WithJenkinsConfiguredWithCode
class TableauPatCredentialsJCasCTest {
    private static final String SECRET = "jcasc-S3cret/Value+7777==";

    @Test
    @ConfiguredWithCode("jcasc-tableau-pat.yaml")
    void declaredWithItsSymbol(JenkinsConfiguredWithCodeRule j) {
        List<Credentials> all = SystemCredentialsProvider.getInstance().getCredentials();
        assertEquals(1, all.size());
        TableauPatCredentialsImpl c = assertInstanceOf(TableauPatCredentialsImpl.class, all.get(0));
        assertEquals("tableau-pat", c.getId());
        assertEquals("jenkins-keepalive", c.getTokenName());
        assertEquals("jenkins-keepalive", c.getUsername());
        assertEquals(SECRET, c.getTokenSecret().getPlainText());
        assertEquals(SECRET, c.getPassword().getPlainText());
        assertEquals("jenkins-keepalive (ETL service account, acme)", CredentialsNameProvider.name(c));
    }

    @Test
    @ConfiguredWithCode("jcasc-tableau-pat.yaml")
    void exportedWithItsSymbolAndNoSecretInClear(JenkinsConfiguredWithCodeRule j) throws Exception {
        CredentialsRootConfigurator root =
                Jenkins.get().getExtensionList(CredentialsRootConfigurator.class).get(0);
        ConfigurationContext context = new ConfigurationContext(ConfiguratorRegistry.get());
        CNode credentials = Objects.requireNonNull(root.describe(root.getTargetComponent(context), context));
        String exported = toYamlString(credentials.asMapping());
        assertTrue(exported.contains("tableauPersonalAccessToken"), exported);
        assertTrue(exported.contains("jenkins-keepalive"), exported);
        assertFalse(exported.contains(SECRET), exported);
    }
}
