@workflow
Feature: Registration of a missed-out household
  A household the survey missed comes to a registration site and takes the site's next token. A
  data-entry operator surveys it. The service checks the survey, then asks the identity authority
  about every member. When every member is verified the household is registered, scored, enrolled in
  every programme it is eligible for and told its household id. When the authority rejects a member,
  nothing is stored until a caseworker has checked the documents: the caseworker accepts the
  registration or rejects it.

  Scenario: a household whose members are all verified is registered, enrolled and told its household id
    Given the service is running
    And a household answering like reference household "cutoff-32-standard-eligible" comes to the site "DRC-F50"
    When a data-entry operator issues the household the site's next token
    Then the token reads "DRC-F50", the day and its number
    And a task "Survey the household" waits for the data-entry operators
    When the data-entry operator completes "Survey the household" with the household's survey
    Then the identity authority has verified every member
    And the case is closed with the outcome "ENROLLED"
    And the household is registered with the score 32 and enrolled in "UCT"
    And the household is told "Your household is registered with household id"
    And the case history reads, in order:
      | step                        | by       |
      | case.open                   | operator |
      | task.complete               | operator |
      | registration.survey-check   | system   |
      | registration.identity-check | system   |
      | registration.registered     | system   |
      | registration.enrolment      | system   |
      | case.close                  | system   |

  Scenario: a member the identity authority rejects is checked by a caseworker, who rejects the registration
    Given the service is running
    And a household answering like reference household "cutoff-38-disabled-member-not-eligible" comes to the site "DRC-F51"
    And the identity authority will reject member 1 of the household
    When a data-entry operator issues the household the site's next token
    And the data-entry operator completes "Survey the household" with the household's survey
    Then the identity authority has rejected member 1 of the household
    And a task "Resolve identity check" waits for the caseworkers
    And nothing of the household is registered while the caseworker checks
    And a data-entry operator may not resolve the identity check
    When caseworker "caseworker" takes the task "Resolve identity check" and completes it with "REJECT"
    Then the case is closed with the outcome "REJECTED_IDENTITY"
    And nothing of the household is registered
