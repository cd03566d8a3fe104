Feature: Rolling back to an earlier policy version
  When a version in force turns out to be wrong, a policy officer puts back in force, at once, a version
  that was in force before. Households surveyed from then on are decided under it again. A roll-back is
  an activation like any other: not by the officer who uploaded the version rolled back to, and it is
  written to the audit trail. Only a version that has been in force can be rolled back to; a version
  never in force has to be put in force the ordinary way.

  Background:
    Given the repository's policy is in force as version 1

  Scenario: a second officer rolls back a raised cut-off, and households are decided under the earlier version again
    Given officer has uploaded the eligibility table with the standard cut-off raised to 35, officer2 has approved it and put it in force
    When a household like the reference household "cutoff-33-standard-not-eligible" is surveyed
    Then the household is eligible for the unconditional cash transfer
    And the cut-off applied is 35
    And the household is decided under the new version
    When officer2 rolls back to version 1
    Then version 1 is in force
    And the new version is retired
    And the latest activation is a roll-back to version 1 by officer2
    When a household like the reference household "cutoff-33-standard-not-eligible" is surveyed
    Then the household is not eligible for the unconditional cash transfer
    And the cut-off applied is 32
    And the household is decided under version 1
    And the audit trail of version 1 ends with:
      | step           | by       |
      | rolled back to | officer2 |
    And the audit trail is intact

  Scenario: the officer who uploaded a version cannot roll back to it
    Given officer has uploaded the eligibility table with the standard cut-off raised to 36, officer2 has approved it and put it in force
    And officer2 rolls back to version 1
    When officer rolls back to the new version
    Then it is refused, since another policy officer must roll back to it
    And version 1 is still in force
    When officer2 rolls back to the new version
    Then the new version is in force

  Scenario: rolling back to a version that was never in force is refused
    When officer uploads the eligibility table with the standard cut-off lowered to 30
    And officer records the outcome the new version gives as the expected outcome of every differing reference household, because "the standard cut-off is lowered to 30"
    And officer2 approves the new version
    Then the new version is approved by officer2
    When officer2 rolls back to the new version
    Then it is refused, since the new version has never been in force
    And version 1 is still in force
