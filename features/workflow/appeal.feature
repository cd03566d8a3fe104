@workflow
Feature: Appeal against the cut-off
  A household that does not receive the cash transfer may appeal within 90 days of its decision,
  naming the grounds it claims: a score at most 5 points above the cut-off (SCORE_NEAR_CUTOFF), a
  member with a disability (DISABILITY) or a widow at the head (WIDOW_HEAD). A ground the registry
  supports makes the appeal admissible; a claimed ground it does not support is checked by a
  caseworker against the evidence. A caseworker reviews; a supervisor who did not survey the household,
  lodge or review the appeal decides. An approved appeal orders a re-survey from the data-entry
  operators; the new survey's decision is linked to the case and the household is told it in words.
  A rejection carries its reason, which the household is told. One open appeal per household, and
  another only 90 days after a decided one.

  Scenario: an approved appeal ends in a new decision the household is told about
    Given the service is running
    And a household surveyed like reference household "cutoff-33-standard-not-eligible"
    When caseworker "caseworker" lodges an appeal for the household on the ground "SCORE_NEAR_CUTOFF" with the evidence "the only earner lost his job"
    Then the appeal is admissible on the ground "the score is within 5 points above the cut-off"
    And a caseworker's appeal for the household is refused because it "already has an open appeal"
    And a task "Review evidence" waits for the caseworkers
    When caseworker "caseworker2" takes the task "Review evidence" and completes it with "UPHOLD"
    And the service is restarted
    Then a task "Decide appeal" waits for the supervisors
    When supervisor "supervisor" takes the task "Decide appeal" and completes it with "APPROVE"
    Then the household is told "Your appeal is accepted: an enumerator will re-survey your household within 30 days"
    And a task "Re-survey the household" waits for the data-entry operators
    When the data-entry operator re-surveys the household for the appeal, now answering like reference household "cutoff-32-standard-eligible"
    Then the case is closed with the outcome "RESURVEYED"
    And the new decision, with the score 32 where it was 33, is linked to the case
    And the household is told "Your household was re-surveyed after your appeal. Your household's poverty score is now 32 (it was 33). You are now eligible for UCT"
    And the case history reads, in order:
      | step                  | by          |
      | case.open             | caseworker  |
      | appeal.admissibility  | system      |
      | task.complete         | caseworker2 |
      | appeal.review         | system      |
      | task.complete         | supervisor  |
      | appeal.resurvey-order | system      |
      | task.complete         | operator    |
      | appeal.rescore        | system      |
      | case.close            | system      |

  Scenario: who lodged or reviewed an appeal may not decide it
    Given the service is running
    And a household surveyed like reference household "cutoff-38-disabled-member-not-eligible"
    When caseworker "lead" lodges an appeal for the household on the ground "DISABILITY" with the evidence "a son with an intellectual disability"
    Then "lead" may not take the task "Review evidence", because a different person must
    When caseworker "caseworker" takes the task "Review evidence" and completes it with "UPHOLD"
    Then "lead" may not take the task "Decide appeal", because a different person must
    Given a household surveyed like reference household "cutoff-38-disabled-member-not-eligible"
    When caseworker "caseworker" lodges an appeal for the household on the ground "DISABILITY" with the evidence "a son with an intellectual disability"
    And caseworker "lead" takes the task "Review evidence" and completes it with "REJECT"
    Then "lead" is refused completing "Decide appeal" with "REJECT", because a different person must
    And "lead" may not take the task "Decide appeal", because a different person must

  Scenario: a rejection carries its reason, and another appeal waits 90 days
    Given the service is running
    And a household surveyed like reference household "cutoff-38-disabled-member-not-eligible"
    When caseworker "caseworker" lodges an appeal for the household on the ground "DISABILITY" with the evidence "a son with an intellectual disability"
    And caseworker "caseworker2" takes the task "Review evidence" and completes it with "REJECT"
    Then supervisor "supervisor" may not reject the appeal without a reason
    When supervisor "supervisor" rejects the appeal because "the household's income is above the poverty line"
    Then the case is closed with the outcome "REJECTED"
    And the household is told "Your appeal is not accepted. The reason: the household's income is above the poverty line"
    And another appeal for the household is refused: "another appeal may be lodged from"

  Scenario: a claimed ground the registry does not show goes to an evidence check
    Given the service is running
    And a household surveyed like reference household "exclusion-car"
    Then an appeal on the ground "POVERTY" is refused, naming "grounds"
    When caseworker "caseworker" lodges an appeal for the household on the ground "DISABILITY" with the evidence "the head's mother cannot walk"
    Then the claimed ground "DISABILITY" is not on the registry's record, so its evidence is to be checked
    And a task "Check the evidence" waits for the caseworkers
    And "caseworker" may not take the task "Check the evidence", because a different person must
    When caseworker "caseworker2" takes the task "Check the evidence" and completes it with "NOT_CONFIRMED"
    Then the case is closed with the outcome "NOT_ADMISSIBLE"
    And the household is told "the evidence for DISABILITY was not confirmed"

  Scenario: an appeal on no ground is closed at once, the household is told once, and a beneficiary cannot appeal
    Given the service is running
    And a household surveyed like reference household "exclusion-car"
    When a caseworker lodges an appeal for the household with the evidence "we sold the car"
    Then the case is closed with the outcome "NOT_ADMISSIBLE"
    When a caseworker lodges an appeal for the household with the evidence "we really sold the car"
    Then the case is closed with the outcome "NOT_ADMISSIBLE"
    And the household is told "Your appeal cannot be considered" only once
    Given a household surveyed like reference household "cutoff-32-standard-eligible"
    Then a caseworker's appeal for the household is refused because it "receives the cash transfer"

  Scenario: a household not found is visited once more, then the appeal lapses
    Given the service is running
    And a household surveyed like reference household "cutoff-33-standard-not-eligible"
    When caseworker "caseworker" lodges an appeal for the household on the ground "SCORE_NEAR_CUTOFF" with the evidence "the only earner lost his job"
    And caseworker "caseworker2" takes the task "Review evidence" and completes it with "UPHOLD"
    And supervisor "supervisor" takes the task "Decide appeal" and completes it with "APPROVE"
    And the data-entry operator reports the household "NOT_FOUND" because "the house was locked; neighbours say they are away"
    Then the household is told "they will visit again"
    And a task "Re-survey the household" waits for the data-entry operators
    When the data-entry operator reports the household "NOT_FOUND" because "the house is still locked"
    Then the case is closed with the outcome "RESURVEY_NOT_FOUND"
    And the household is told "the re-survey your appeal was granted has lapsed"
