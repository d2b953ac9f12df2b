package io.jenkins.plugins.tableaupat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.util.FormValidation;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.structs.SymbolLookup;
import org.jenkinsci.plugins.structs.describable.DescribableModel;
import org.jenkinsci.plugins.structs.describable.DescribableParameter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Manage Jenkins > System, section "Tableau personal access tokens", and its JCasC shape. */
@WithJenkins
class TableauPatGlobalConfigurationTest {
    private JenkinsRule j;

    @BeforeEach
    void setUp(JenkinsRule j) {
        this.j = j;
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    @Test
    void defaultsAndWhatPluginDefaultsReads() {
        TableauPatGlobalConfiguration c = TableauPatGlobalConfiguration.get();
        assertEquals(30, c.getThresholdDays());
        assertEquals(10, c.getStaleDays());
        assertEquals(4, c.getParallelism());
        assertEquals(30, PluginDefaults.thresholdDays());
        assertEquals(4, PluginDefaults.parallelism());
        c.setThresholdDays(45);
        c.setParallelism(12);
        assertEquals(45, PluginDefaults.thresholdDays());
        assertEquals(12, PluginDefaults.parallelism());
    }

    @Test
    void roundTripThroughTheSystemPage() throws Exception {
        JenkinsRule.WebClient wc = j.createWebClient();
        HtmlForm form = wc.goTo("configure").getFormByName("config");
        form.getInputByName("_.thresholdDays").setValue("0");
        form.getInputByName("_.staleDays").setValue("7");
        form.getInputByName("_.parallelism").setValue("8");
        j.submit(form);

        TableauPatGlobalConfiguration c = TableauPatGlobalConfiguration.get();
        assertEquals(0, c.getThresholdDays());
        assertEquals(7, c.getStaleDays());
        assertEquals(8, c.getParallelism());
        c.load();
        assertEquals(7, c.getStaleDays(), "saved to disk");

        form = wc.goTo("configure").getFormByName("config");
        assertEquals("0", form.getInputByName("_.thresholdDays").getValue());
        assertEquals("7", form.getInputByName("_.staleDays").getValue());
        assertEquals("8", form.getInputByName("_.parallelism").getValue());
    }

    @Test
    void aBadValueOnThePageChangesNothingAndNamesTheField() throws Exception {
        JenkinsRule.WebClient wc = j.createWebClient();
        wc.getOptions().setThrowExceptionOnFailingStatusCode(false);
        HtmlForm form = wc.goTo("configure").getFormByName("config");
        form.getInputByName("_.staleDays").setValue("20");
        form.getInputByName("_.parallelism").setValue("9");
        HtmlPage answer = j.submit(form);
        String body = answer.getWebResponse().getContentAsString();
        assertTrue(body.contains("staleDays must be between 1 and 14, got 20"), body);
        assertEquals(10, TableauPatGlobalConfiguration.get().getStaleDays());
        assertEquals(4, TableauPatGlobalConfiguration.get().getParallelism());
    }

    @Test
    void fieldChecksSayWhatToFix() {
        TableauPatGlobalConfiguration c = TableauPatGlobalConfiguration.get();
        assertEquals(FormValidation.Kind.OK, c.doCheckStaleDays("14").kind);
        FormValidation v = c.doCheckStaleDays("15");
        assertEquals(FormValidation.Kind.ERROR, v.kind);
        assertTrue(v.getMessage().contains("staleDays must be between 1 and 14, got 15"), v.getMessage());
        assertTrue(c.doCheckThresholdDays("366").getMessage().contains("between 0 and 365"));
        assertTrue(c.doCheckParallelism("x").getMessage().contains("is not a whole number"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.setParallelism(0));
        assertEquals("parallelism must be between 1 and 32, got 0", e.getMessage());
        assertEquals(4, c.getParallelism());
    }

    @Test
    void jcascStyleInstantiationThroughDescribableModel() {
        assertEquals(Set.of("tableauPat"), SymbolLookup.getSymbolValue(TableauPatGlobalConfiguration.get()));
        DescribableModel<TableauPatGlobalConfiguration> model = DescribableModel.of(TableauPatGlobalConfiguration.class);
        assertEquals(Set.of("thresholdDays", "staleDays", "parallelism"),
                model.getParameters().stream().map(DescribableParameter::getName).collect(Collectors.toSet()));

        TableauPatGlobalConfiguration c = model.instantiate(Map.of("thresholdDays", 21, "staleDays", 5, "parallelism", 16));
        assertEquals(21, c.getThresholdDays());
        assertEquals(5, c.getStaleDays());
        assertEquals(16, c.getParallelism());

        Exception bad = assertThrows(Exception.class, () -> model.instantiate(Map.of("staleDays", 30)));
        assertEquals("staleDays must be between 1 and 14, got 30", rootMessage(bad));
    }
}
