@workflow
Feature: Recertification
  A household that receives the cash transfer is re-surveyed every 36 months (Update windows table).
  Nobody asks for it: a nightly sweep opens a recertification for every beneficiary whose last survey
  is that old; a supervisor may run the sweep for today or a day it missed, never for a day to come.
  A data-entry operator re-surveys the household; still eligible, it continues; no longer eligible, it
  exits the programme. Not re-surveyed within the grace period of the Deadlines table (90 days), its
  benefit is suspended until its late re-survey.

  Scenario: the sweep opens one recertification per beneficiary due, and the re-survey continues or exits it
    Given the service is running
    And a beneficiary "still poor" surveyed like reference household "cutoff-32-standard-eligible" on "2021-02-10"
    And a beneficiary "now with a car" surveyed like reference household "stipend-ages-5-to-16" on "2021-02-09"
    And a beneficiary "due a day later" surveyed like reference household "cutoff-37-disabled-member-eligible" on "2021-02-11"
    Then a data-entry operator may not run the recertification sweep
    And the recertification sweep may not be run for tomorrow
    When supervisor "supervisor" runs the recertification sweep as of "2024-02-10"
    Then "still poor" and "now with a car" have a recertification each, and "due a day later" none
    When supervisor "supervisor" runs the recertification sweep as of "2024-02-10"
    Then the sweep opens nothing new
    When the data-entry operator re-surveys "still poor" with unchanged answers
    And the data-entry operator re-surveys "now with a car" with a car among its assets
    Then the recertification of "still poor" is closed with the outcome "CONTINUED"
    And "still poor" is told "remains eligible"
    And the recertification of "now with a car" is closed with the outcome "EXITED"
    And "now with a car" is told "no longer eligible"

  Scenario: a beneficiary not re-surveyed within the grace period is suspended until its late re-survey
    Given the service is running with a case clock of 10 milliseconds a day
    And a beneficiary "late" surveyed like reference household "cutoff-32-standard-eligible" on "2020-11-10"
    When supervisor "supervisor" runs the recertification sweep as of "2023-11-10"
    Then "late" has a recertification
    When the grace period of the recertification of "late" runs out
    Then the benefit of "late" is suspended from today because of "90 days"
    And "late" is told "suspended from"
    When the data-entry operator re-surveys "late" with unchanged answers, for "Re-survey the household (overdue)"
    Then the recertification of "late" is closed with the outcome "CONTINUED"
    And the suspension of "late" is lifted
    And "late" is told "suspension of its payments is lifted"
