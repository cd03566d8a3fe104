@workflow
Feature: Recertification
  A household that receives the cash transfer is re-surveyed every 36 months (Update windows table).
  Nobody asks for it: a nightly sweep opens a recertification for every beneficiary whose last survey
  is that old; a supervisor may run the sweep for today or a day it missed, never for a day to come.
  A data-entry operator re-surveys the household; still eligible, it continues; no longer eligible, it
  exits the programme; either way the household is told its new decision in words. The household is told
  when its recertification falls due, and warned before its benefit would be suspended. Not re-surveyed
  within the grace period of the Deadlines table (90 days), its benefit is suspended until its late
  re-survey. An operator who could not re-survey the household says why; the Re-survey outcomes table
  says what follows: not found or moved, a second visit, then suspension; refused, suspension at once.

  Scenario: the sweep opens one recertification per beneficiary due, and the re-survey continues or exits it
    Given the service is running
    And a beneficiary "still poor" surveyed like reference household "cutoff-32-standard-eligible" on "2021-02-10"
    And a beneficiary "now with a car" surveyed like reference household "stipend-ages-5-to-16" on "2021-02-09"
    And a beneficiary "due a day later" surveyed like reference household "cutoff-37-disabled-member-eligible" on "2021-02-11"
    Then a data-entry operator may not run the recertification sweep
    And the recertification sweep may not be run for tomorrow
    When supervisor "supervisor" runs the recertification sweep as of "2024-02-10"
    Then "still poor" and "now with a car" have a recertification each, and "due a day later" none
    And "still poor" is told "due for recertification"
    When supervisor "supervisor" runs the recertification sweep as of "2024-02-10"
    Then the sweep opens nothing new
    When the data-entry operator re-surveys "still poor" with unchanged answers
    And the data-entry operator re-surveys "now with a car" with a car among its assets
    Then the recertification of "still poor" is closed with the outcome "CONTINUED"
    And "still poor" is told "remains eligible"
    And the recertification of "now with a car" is closed with the outcome "EXITED"
    And "now with a car" is told "no longer eligible"
    And "now with a car" is told "You are no longer eligible for"

  Scenario: a beneficiary not re-surveyed within the grace period is suspended until its late re-survey
    Given the service is running with a case clock of 10 milliseconds a day
    And a beneficiary "late" surveyed like reference household "cutoff-32-standard-eligible" on "2020-11-10"
    When supervisor "supervisor" runs the recertification sweep as of "2023-11-10"
    Then "late" has a recertification
    When the grace period of the recertification of "late" runs out
    Then the benefit of "late" is suspended from today because of "90 days"
    And "late" is told "suspended from"
    When the data-entry operator re-surveys "late" with unchanged answers, for "Re-survey the household again"
    Then the recertification of "late" is closed with the outcome "CONTINUED"
    And the suspension of "late" is lifted
    And "late" is told "suspension of its payments is lifted"

  Scenario: a beneficiary not found is visited again, then its benefit is suspended until it is re-surveyed
    Given the service is running
    And a beneficiary "away" surveyed like reference household "cutoff-32-standard-eligible" on "2017-05-22"
    When supervisor "supervisor" runs the recertification sweep as of "2020-05-22"
    Then "away" has a recertification
    And "away" is told "due for recertification"
    When the data-entry operator ends "Re-survey the household" of "away" as "NOT_FOUND" because "nobody at the address"
    Then "away" has a task "Re-survey the household again" and the case waits
    And the benefit of "away" is not suspended
    And "away" is told "will visit again; your payments continue for now"
    When the data-entry operator ends "Re-survey the household again" of "away" as "NOT_FOUND" because "nobody at the address again"
    Then the benefit of "away" is suspended from today because of "NOT_FOUND"
    And "away" is told "a second time for its recertification, so its cash transfer is suspended"
    When the data-entry operator re-surveys "away" with unchanged answers, for "Re-survey the household again"
    Then the recertification of "away" is closed with the outcome "CONTINUED"
    And the suspension of "away" is lifted
    And "away" is told "remains eligible for the cash transfer; the suspension of its payments is lifted"

  Scenario: a beneficiary that refuses the re-survey is suspended at once
    Given the service is running
    And a beneficiary "unwilling" surveyed like reference household "cutoff-37-disabled-member-eligible" on "2017-05-23"
    When supervisor "supervisor" runs the recertification sweep as of "2020-05-23"
    And the data-entry operator ends "Re-survey the household" of "unwilling" as "REFUSED" because "the head declined the interview"
    Then the benefit of "unwilling" is suspended from today because of "REFUSED"
    And "unwilling" has a task "Re-survey the household again" and the case waits
    And "unwilling" is told "declined the recertification re-survey"
