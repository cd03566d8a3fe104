package org.dynreg.features;

import io.cucumber.spring.CucumberContextConfiguration;
import org.dynreg.DynregApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** One running service for all scenarios: the real application on a random port, on MariaDB, with the repository's policy. */
@CucumberContextConfiguration
@SpringBootTest(classes = DynregApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({HouseholdUnderSurvey.class, PolicyUnderReview.class, ServiceClient.class, WorkflowScenario.class})
public class CucumberSpringConfiguration {
}
