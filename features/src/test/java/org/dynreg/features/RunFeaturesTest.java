package org.dynreg.features;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectClasspathResource;
import org.junit.platform.suite.api.Suite;

import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;

/** Runs every feature under {@code features/policy/} and {@code features/workflow/} (copied to the test classpath under those names). */
@Suite
@IncludeEngines("cucumber")
@SelectClasspathResource("policy")
@SelectClasspathResource("workflow")
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "org.dynreg.features")
public class RunFeaturesTest {
}
