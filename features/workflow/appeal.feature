@workflow
Feature: Appeal against the cut-off
  A household that does not receive the cash transfer may appeal within 90 days of its decision
  when a ground of the Appeals table applies: a score at most 5 points above the cut-off, a member
  with a disability, or a widow at the head. A caseworker reviews the evidence; a different person,
  a supervisor, decides. An approved appeal orders a re-survey; the household is told the outcome.
  The case is kept by the service's database, so it continues across a restart of the service.

  Scenario: an appeal reviewed before a restart of the service is decided after it
    Given the service is running
    And a household surveyed like reference household "cutoff-33-standard-not-eligible"
    When a caseworker lodges an appeal for the household with the evidence "the only earner lost his job"
    Then the appeal is admissible on the ground "the score is within 5 points above the cut-off"
    And a task "Review evidence" waits for the caseworkers
    When caseworker "caseworker" takes the task "Review evidence" and completes it with "UPHOLD"
    And the service is restarted
    Then a task "Decide appeal" waits for the supervisors
    When supervisor "supervisor" takes the task "Decide appeal" and completes it with "APPROVE"
    Then the case is closed with the outcome "RESURVEY_ORDERED"
    And the household is told "Your appeal is accepted"
    And the case history reads, in order:
      | step                  | by         |
      | case.open             | caseworker |
      | appeal.admissibility  | system     |
      | task.claim            | caseworker |
      | task.complete         | caseworker |
      | task.claim            | supervisor |
      | task.complete         | supervisor |
      | case.close            | system     |

  Scenario: nobody decides an appeal they reviewed
    Given the service is running
    And a household surveyed like reference household "cutoff-38-disabled-member-not-eligible"
    When a caseworker lodges an appeal for the household with the evidence "a son with an intellectual disability"
    Then the appeal is admissible on the ground "a member of the household has a disability"
    When caseworker "lead" takes the task "Review evidence" and completes it with "REJECT"
    Then "lead" is refused completing "Decide appeal" with "REJECT", because a different person must
    When supervisor "supervisor" takes the task "Decide appeal" and completes it with "REJECT"
    Then the case is closed with the outcome "REJECTED"
    And the household is told "Your appeal is not accepted"

  Scenario: an appeal on no ground is closed at once, and a beneficiary cannot appeal
    Given the service is running
    And a household surveyed like reference household "exclusion-car"
    When a caseworker lodges an appeal for the household with the evidence "we sold the car"
    Then the case is closed with the outcome "NOT_ADMISSIBLE"
    And the household is told "Your appeal cannot be considered"
    Given a household surveyed like reference household "cutoff-32-standard-eligible"
    Then a caseworker's appeal for the household is refused because it "receives the cash transfer"
