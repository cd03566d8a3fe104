@workflow
Feature: Roster update
  A household asks to change its record between surveys: a member born or arrived, a member who left
  or died, a new head, a marital status, its contact details. The identity authority is asked about
  the member concerned. Changes the Roster changes table lets through are made at once; the others wait
  for a supervisor's approval, and nobody approves a change they asked for. A change that can move the
  score is scored again from the edited survey. The household is told.

  Scenario: a member who married out is removed once a supervisor other than the requester approves
    Given the service is running
    And a household surveyed like reference household "cutoff-32-standard-eligible"
    When caseworker "lead" asks to remove member 3 of the household, who left for "MARRIAGE_OUT", with the evidence "nikah nama DOC-9"
    Then a task "Approve the roster change" waits for the supervisors
    And a second roster change for the household is refused because it "has a roster change in progress"
    And the household still has 6 members
    And "lead" is refused completing "Approve the roster change" with "APPROVE", because a different person must
    When supervisor "supervisor" takes the task "Approve the roster change" and completes it with "APPROVE"
    Then the case is closed with the outcome "APPLIED"
    And the household has 5 members, none of them the one who left
    And the household is told "has been made"
    And the case history reads, in order:
      | step           | by         |
      | case.open      | lead       |
      | roster.verify  | system     |
      | task.claim     | supervisor |
      | task.complete  | supervisor |
      | roster.apply   | system     |
      | case.close     | system     |

  Scenario: a newborn is added at once and the household scored again
    Given the service is running
    And a household surveyed like reference household "cutoff-33-standard-not-eligible"
    When a data-entry operator asks to add a son born 20 days ago, with the evidence "B-Form scan DOC-7781"
    Then the case is closed with the outcome "APPLIED"
    And the household has 7 members
    And the household was scored again from a "ROSTER_UPDATE" survey
    And the household is told "Your household was assessed again"
