@workflow
Feature: A policy officer changes a workflow while the registry runs
  A workflow is a policy file like a decision table: a policy officer edits the BPMN in a modeler and
  uploads it; the service checks it (the registry's elements only, its steps and task groups, FEEL
  conditions) and runs the regression gate; a second officer approves it and puts it in force, without
  a rebuild or a restart. Cases opened from then on follow the new process; a case already open finishes
  on the process it was opened on, across restarts. Each case names its process version.

  Scenario: a legal check added to appeals on the disability ground applies to appeals lodged after it is in force
    Given the service is running
    And the first appeal, by a household surveyed like reference household "cutoff-38-disabled-member-not-eligible" on the ground "DISABILITY"
    Then the first appeal runs on version "1.0" of the appeal process
    And the first appeal waits at "Review evidence"
    When officer uploads the changed appeal process "appeal-legal-check.bpmn"
    Then the new policy version is stored and passes the regression gate
    When officer2 approves the new policy version and puts it in force
    And the second appeal, by a household surveyed like reference household "cutoff-38-disabled-member-not-eligible" on the ground "DISABILITY"
    And the third appeal, by a household surveyed like reference household "cutoff-33-standard-not-eligible" on the ground "SCORE_NEAR_CUTOFF"
    Then the second appeal runs on the appeal process of the new policy version
    And the second appeal waits at "Legal check"
    And the third appeal runs on the appeal process of the new policy version
    And the third appeal waits at "Review evidence"
    And the first appeal runs on version "1.0" of the appeal process
    And the first appeal waits at "Review evidence"
    When the service is restarted
    And caseworker "caseworker2" takes the first appeal's task "Review evidence" and completes it with "UPHOLD"
    Then the first appeal waits at "Decide appeal"
    And the first appeal's history has no step "Legal check"
    When supervisor "supervisor" takes the second appeal's task "Legal check" and completes it with "CLEARED"
    Then the second appeal waits at "Review evidence"
    When caseworker "caseworker2" takes the second appeal's task "Review evidence" and completes it with "UPHOLD"
    Then the second appeal waits at "Decide appeal"
    And the second appeal's history has the step "Legal check"
    And the second appeal runs on the appeal process of the new policy version

  Scenario: a process that does not follow the registry's rules is refused, naming the element
    Given the service is running
    When officer uploads the appeal process with the condition of flow "FL1" written "claimedGrounds.contains(\"DISABILITY\")"
    Then the upload is refused, naming the element "FL1" and saying "a condition may only compare process variables and literals"

  Scenario: a process that strands a kind of case is held back by the reference walks, naming the walk and the gateway
    Given the service is running
    When officer uploads the appeal process with the condition of flow "F4" written "admissible = true and evidenceNeeded = true"
    Then the new policy version is stored as a draft: the reference walk "appeal-admissible-approved-resurveyed" is stranded at the gateway "Admissible"
    And the reference walk "appeal-disability-evidence-confirmed-rejected" passes, through the user task "LegalCheck" it does not know
    When officer2 approves the new policy version
    Then the approval is refused, naming the reference walk "appeal-admissible-approved-resurveyed" and the gateway "Admissible"
