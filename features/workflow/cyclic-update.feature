@workflow
Feature: Cyclic update
  A household that does not receive the cash transfer may ask to update its socio-economic status
  once the Update windows table allows it: 24 months after its last survey. A caseworker opens the
  update; a data-entry operator re-surveys the household; the new survey is scored and the household
  is told its new decision in words: its score, and the programs it gained or lost and why. Asked too
  early, the update is refused with the first day it is possible. A household that receives the cash
  transfer is recertified instead. A cyclic-update survey is accepted only while the household's cyclic
  update waits for it. An operator who could not re-survey the household says why (not found, refused,
  moved); the Re-survey outcomes table says whether to visit again or close the update, and the
  household is told.

  Scenario: a household last surveyed more than 24 months ago is re-surveyed and told its new outcome
    Given the service is running
    And a household surveyed like reference household "cutoff-33-standard-not-eligible" 25 months ago
    When caseworker "caseworker" opens a cyclic update for the household
    Then a task "Re-survey the household" waits for the data-entry operators
    And a second cyclic update for the household is refused because it "already has an open cyclic update"
    When the data-entry operator re-surveys the household, now answering like reference household "cutoff-32-standard-eligible", for "Re-survey the household" as a "CYCLIC_UPDATE"
    Then the case is closed with the outcome "RESCORED_ELIGIBLE"
    And the new decision gives the household the score 32 in "cyclicUpdate.rescore"
    And the household is told "score is now 32 (it was 33)"
    And the household is told "You are now eligible for"
    And the case history reads, in order:
      | step                  | by         |
      | case.open             | caseworker |
      | task.complete         | operator   |
      | cyclicUpdate.rescore  | system     |
      | case.close            | system     |

  Scenario: a cyclic-update survey is refused until the household's cyclic update waits for it
    Given the service is running
    And a household surveyed like reference household "cutoff-33-standard-not-eligible" 26 months ago
    Then a "CYCLIC_UPDATE" survey of the household is refused because "no open cyclic-update case awaits a CYCLIC_UPDATE survey"
    And a "RECERTIFICATION" survey of the household is refused because "no open recertification case awaits"
    When caseworker "caseworker" opens a cyclic update for the household
    And the data-entry operator re-surveys the household, now answering like reference household "cutoff-32-standard-eligible", for "Re-survey the household" as a "CYCLIC_UPDATE"
    Then the case is closed with the outcome "RESCORED_ELIGIBLE"
    And a "CYCLIC_UPDATE" survey of the household is refused because "no open cyclic-update case awaits"

  Scenario: a household not found is visited once more, then its cyclic update is closed, and it is told each time
    Given the service is running
    And a household surveyed like reference household "cutoff-33-standard-not-eligible" 27 months ago
    When caseworker "caseworker" opens a cyclic update for the household
    Then the data-entry operator may not end "Re-survey the household" as "NOT_FOUND" without saying why
    When the data-entry operator ends "Re-survey the household" as "NOT_FOUND" because "the house was locked"
    Then a task "Re-survey the household" waits for the data-entry operators
    And the household is told "could not find your household for its cyclic update and will visit again"
    When the data-entry operator ends "Re-survey the household" as "NOT_FOUND" because "the house was locked again"
    Then the case is closed with the outcome "NOT_FOUND"
    And the household is told "a second time, so its cyclic update is closed"

  Scenario Outline: a household that <reason> ends its cyclic update at once
    Given the service is running
    And a household surveyed like reference household "<reference>" 28 months ago
    When caseworker "caseworker" opens a cyclic update for the household
    And the data-entry operator ends "Re-survey the household" as "<outcome>" because "<reason>"
    Then the case is closed with the outcome "<outcome>"
    And the household is told "<told>"

    Examples:
      | reference                       | outcome | reason                            | told                                 |
      | cutoff-33-standard-not-eligible | REFUSED | declined the interview            | declined the re-survey               |
      | exclusion-car                   | MOVED   | moved to another district         | Report your new address              |

  Scenario: a cyclic update asked for too early is refused with the day it becomes possible
    Given the service is running
    And a household surveyed like reference household "single-person-household" 23 months ago
    Then a cyclic update for the household is refused: possible from 24 months after its last survey
    And the household has no "CYCLIC_UPDATE" case
    Given a household surveyed like reference household "cutoff-37-disabled-member-eligible" 25 months ago
    Then a cyclic update for the household is refused because it "receives the cash transfer"
