Feature: Replaying recorded decisions
  Every decision records the policy version it was made under, with the hash of that version's files,
  the facts it was made on, and everything it decided. An auditor can run any decision again under the
  version it recorded, one by one or all decisions of a period together: each must come out identical,
  field by field, and the version's files must still have the recorded hash. After the policy changes,
  the old decisions still replay identically under their own version. Replayed against another version,
  a decision shows the fields that version would decide differently.

  Background: households on the cut-offs, surveyed like four reference households
    Given the repository's policy is in force as version 1
    And households like these reference households are registered:
      | cutoff-32-standard-eligible        |
      | cutoff-33-standard-not-eligible    |
      | cutoff-37-disabled-member-eligible |
      | exclusion-car                      |

  Scenario: every decision replays identically under the version it recorded, one by one and all together
    When the auditor replays each of these decisions
    Then each replay is identical, under version 1
    And each replay is in the audit trail, by the auditor
    When the auditor replays together every decision made since these households were registered
    Then 4 decisions were replayed, all identical

  Scenario: after the policy changes, old decisions still replay under their own version, and the new version's differences are listed
    Given officer has uploaded the eligibility table with the standard cut-off raised to 33, officer2 has approved it and put it in force
    When the auditor replays each of these decisions
    Then each replay is identical, under version 1
    When the auditor replays together every decision made since these households were registered
    Then 4 decisions were replayed, all identical
    When the auditor replays each of these decisions against the new version
    Then the decision of "cutoff-33-standard-not-eligible" would differ in:
      | the programs    |
      | the rules fired |
      | the reasons     |
    And the cash transfer of "cutoff-33-standard-not-eligible" would change from not eligible to eligible
    And the decision of "cutoff-37-disabled-member-eligible" would be the same under the new version
    When the auditor replays together every decision made since these households were registered, against the new version
    Then 4 decisions were replayed: 1 identical, and those that would differ are the decisions of:
      | cutoff-32-standard-eligible     |
      | cutoff-33-standard-not-eligible |
      | exclusion-car                   |
