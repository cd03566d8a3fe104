@workflow
Feature: Cyclic update
  A household that does not receive the cash transfer may ask to update its socio-economic status
  once the Update windows table allows it: 24 months after its last survey. A caseworker opens the
  update; a data-entry operator re-surveys the household; the new survey is scored and the household
  is told its new outcome. Asked too early, the update is refused with the first day it is possible.
  A household that receives the cash transfer is recertified instead.

  Scenario: a household last surveyed more than 24 months ago is re-surveyed and told its new outcome
    Given the service is running
    And a household surveyed like reference household "cutoff-33-standard-not-eligible" 25 months ago
    When caseworker "caseworker" opens a cyclic update for the household
    Then a task "Re-survey the household" waits for the data-entry operators
    And a second cyclic update for the household is refused because it "already has an open cyclic update"
    When the data-entry operator re-surveys the household, now answering like reference household "cutoff-32-standard-eligible", for "Re-survey the household" as a "CYCLIC_UPDATE"
    Then the case is closed with the outcome "RESCORED_ELIGIBLE"
    And the new decision gives the household the score 32 in "cyclicUpdate.rescore"
    And the household is told "poverty score is 32"
    And the case history reads, in order:
      | step                  | by         |
      | case.open             | caseworker |
      | task.complete         | operator   |
      | cyclicUpdate.rescore  | system     |
      | case.close            | system     |

  Scenario: a cyclic update asked for too early is refused with the day it becomes possible
    Given the service is running
    And a household surveyed like reference household "single-person-household" 23 months ago
    Then a cyclic update for the household is refused: possible from 24 months after its last survey
    And the household has no "CYCLIC_UPDATE" case
    Given a household surveyed like reference household "cutoff-37-disabled-member-eligible" 25 months ago
    Then a cyclic update for the household is refused because it "receives the cash transfer"
