Feature: The regression gate: reference households hold back an unintended change
  Every new policy version is run against the reference households of decision-tables/reference-households:
  households that sit on the policy's boundaries, each with the outcome the policy as written gives it.
  A version cannot be approved while any of them gets another outcome. When the change is meant, the
  officer records the new expected outcome of each household it moves, with the reason; the expectation
  it replaces is kept beside it, and a second officer can then approve the version. A change usually moves
  many households the same way, so the differences are grouped by kind (the score, eligibility per program,
  the cut-off used, exclusions, payment recipient, stipends, the wording of reasons), and the officer accepts
  one kind for every household showing it with one reason, while a difference of another kind stays open.

  Background:
    Given the repository's policy is in force as version 1

  Scenario: raising the standard cut-off to 34 moves the household at 33, and holds back approval until the new outcome is recorded
    When officer uploads the eligibility table with the standard cut-off raised to 34
    Then the new version is stored as a draft, since some reference households give another outcome
    And the reference household "cutoff-33-standard-not-eligible" differs: "UCT: expected not eligible, got eligible"
    And the reference household "cutoff-37-disabled-member-eligible" gives its expected outcome
    When officer2 approves the new version
    Then the approval is refused while reference households differ, among them "cutoff-33-standard-not-eligible"
    And the new version is not approved
    When officer records the outcome the new version gives as the expected outcome of every differing reference household, because "the standard cut-off is raised to 34: a score of 33 or 34 now qualifies"
    Then every reference household gives its expected outcome, so the new version is validated
    And for the reference household "cutoff-33-standard-not-eligible" the new expectation is kept beside the one it replaces:
      | program                         | expected now | expected before |
      | the unconditional cash transfer | eligible     | not eligible    |
      | the education stipend           | eligible     | not eligible    |
    And the expectation of "cutoff-33-standard-not-eligible" was recorded by officer, with the reason "the standard cut-off is raised to 34: a score of 33 or 34 now qualifies"
    When officer2 approves the new version
    Then the new version is approved by officer2
    And the audit trail records the new expected outcome of "cutoff-33-standard-not-eligible" by officer, with the outcome it replaces

  Scenario: a change that moves no reference household is validated at once and can be approved
    When officer uploads the eligibility table with the source of the cut-off for households with a disabled member changed to "BISP: households with a disabled member qualify up to a score of 37 (public programme rules, as restated in the 2024 operations manual); applies from 2023-02-01"
    Then the new version is stored, based on version 1, uploaded by officer, with only the eligibility table changed
    And every reference household gives its expected outcome, so the new version is validated
    When officer2 approves the new version
    Then the new version is approved by officer2

  Scenario: lowering the standard cut-off to 31 is accepted one kind of difference at a time, each with one reason, and the approver reads them beside the diff
    When officer uploads the eligibility table with the standard cut-off lowered to 31
    Then the new version is stored as a draft, since some reference households give another outcome
    And the differences are grouped by kind, each with the number of reference households showing it:
      | kind                   | households |
      | ELIGIBILITY:UCT        | 1          |
      | ELIGIBILITY:CCT_EDUCATION | 1       |
      | CUTOFF:UCT             | 11         |
      | RECIPIENT:UCT          | 1          |
      | STIPENDS:CCT_EDUCATION | 1          |
      | WORDING                | 11         |
    When officer accepts the differences of kind "CUTOFF:UCT" for every reference household, because "the standard cut-off is lowered to 31"
    And officer accepts the differences of kind "WORDING" for every reference household, because "the reasons quote the new cut-off"
    Then the differences left are of the kinds "ELIGIBILITY:UCT, ELIGIBILITY:CCT_EDUCATION, RECIPIENT:UCT, STIPENDS:CCT_EDUCATION"
    When officer2 approves the new version
    Then the approval is refused while reference households differ, among them "cutoff-32-standard-eligible"
    When officer accepts each kind of difference left for every reference household, because "a score of 32 no longer qualifies, nor do its payment and stipends"
    Then every reference household gives its expected outcome, so the new version is validated
    And beside the diff of the new version officer2 reads the accepted kind "CUTOFF:UCT" with the reason "the standard cut-off is lowered to 31", for 11 reference households
    When officer2 approves the new version
    Then the new version is approved by officer2
