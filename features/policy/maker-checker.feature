Feature: Maker-checker: a policy change takes two policy officers
  A policy officer changes the policy by uploading a changed decision table. The service stores it as a
  new version beside the one in force, carrying the other tables over unchanged, checks it against the
  reference households, and does nothing more. A second policy officer must approve the new version
  and put it in force: the officer who uploaded a version can neither approve it nor put it in force.
  From that moment every household surveyed is decided under the new version, and its decision names
  the version; the version it replaces is retired. Every step is written to the audit trail with the
  officer who took it, and so is every refused attempt, and the audit trail can be verified link by link.

  A table that does not compile is refused whole, naming the file, sheet and cell of each problem.
  Nothing is stored, and the version in force goes on deciding.

  Background:
    Given the repository's policy is in force as version 1

  Scenario: an officer uploads a change; only a second officer can approve it and put it in force
    When officer uploads the eligibility table with the source of the standard cut-off changed to "BISP Benazir Kafaalat unconditional cash transfer: NSER poverty score cut-off 32 (NSER annual report 2022-23, Targeting mechanism; confirmed by the board in its review of the cut-offs); applies from 2023-02-01"
    Then the new version is stored, based on version 1, uploaded by officer, with only the eligibility table changed
    And every reference household gives its expected outcome, so the new version is validated
    When officer approves the new version
    Then it is refused, since another policy officer must approve it
    And the new version is not approved
    When officer2 approves the new version
    Then the new version is approved by officer2
    And version 1 is still in force
    When officer puts the new version in force
    Then it is refused, since another policy officer must activate it
    And version 1 is still in force
    When officer2 puts the new version in force
    Then the new version is in force
    And version 1 is retired
    When a household like the reference household "cutoff-33-standard-not-eligible" is surveyed
    Then the household is not eligible for the unconditional cash transfer
    And the cut-off applied is 32
    And the household is decided under the new version
    And the audit trail of the new version records, in order:
      | step                                     | by       |
      | uploaded                                 | officer  |
      | checked against the reference households | officer  |
      | refused                                  | officer  |
      | checked against the reference households | officer2 |
      | approved                                 | officer2 |
      | refused                                  | officer  |
      | put in force                             | officer2 |
    And the audit trail is intact

  Scenario Outline: a broken table is refused, naming its file, sheet and cell, and the version in force keeps deciding (<mistake>)
    When officer uploads the eligibility table with <mistake>
    Then the upload is refused, with a problem at "<where>" that mentions "<mentioning>"
    And no new version is stored
    And version 1 is still in force
    When a household like the reference household "cutoff-33-standard-not-eligible" is surveyed
    Then the household is not eligible for the unconditional cash transfer
    And the cut-off applied is 32
    And the household is decided under version 1

    Examples:
      | mistake                                                   | where                                                                  | mentioning                         |
      | the heading CONDITION of the cut-offs misspelt "CONDITON" | decision-tables/program-eligibility.drl.xlsx, sheet Cut-offs, cell B6  | unknown column keyword 'CONDITON'  |
      | the standard cut-off written "thirty-two"                 | decision-tables/program-eligibility.drl.xlsx, sheet Cut-offs, cell C10 | expected a whole number such as 34 |
