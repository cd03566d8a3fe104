Feature: The regression gate: reference households hold back an unintended change
  Every new policy version is run against the reference households of decision-tables/reference-households:
  households that sit on the policy's boundaries, each with the outcome the policy as written gives it.
  A version cannot be approved while any of them gets another outcome. When the change is meant, the
  officer records the new expected outcome of each household it moves, with the reason; the expectation
  it replaces is kept beside it, and a second officer can then approve the version.

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
