@workflow
Feature: Shock update
  When a flood, an earthquake or a drought strikes, a policy officer declares the shock over the
  districts or tehsils it struck. Every household registered there is ordered a re-survey, the
  poorest first, as the Shock response table sets the priorities. A data-entry operator re-surveys
  each household; the new survey is scored, and a household then poor enough is named for emergency
  assistance. Each household is told its new decision in words. An operator who could not re-survey a
  household says why (not found, refused, moved); the Re-survey outcomes table says what follows: a
  household not found is visited once more, then its case closes without assistance; one that refused
  or moved closes at once. A shock-update survey is accepted only while the household's re-survey is
  ordered. A disaster is declared once: a second declaration over the same ground and days is refused, and the
  first is extended instead, so that no household is named twice for emergency assistance. Districts and
  tehsils are those of the reference list of Pakistan's administrative units.

  Scenario: the households of a flooded district are re-surveyed poorest first and the poor are assisted
    Given the service is running
    And these households are registered in the district "Rajanpur" of Punjab:
      | household  | like reference household        |
      | the Ahmeds | cutoff-33-standard-not-eligible |
      | the Bibis  | exclusion-international-travel  |
      | the Khans  | exclusion-phone-bill-above-1000 |
    When policy officer "officer" declares a flood from "2025-01-15" to "2025-02-10" over the district "Rajanpur" of Punjab
    Then re-surveys are ordered, in this order:
      | household  | priority |
      | the Bibis  | 1        |
      | the Khans  | 1        |
      | the Ahmeds | 2        |
    When the data-entry operator re-surveys "the Ahmeds", who sold their television
    And the data-entry operator re-surveys "the Bibis", whose answers are unchanged
    And the data-entry operator reports that "the Khans" moved, because "the house is under water; the family went to relatives"
    Then the shock's cases are closed as:
      | household  | outcome     |
      | the Bibis  | ASSISTANCE  |
      | the Khans  | MOVED       |
      | the Ahmeds | ASSISTANCE  |
    And emergency assistance of PKR 25000 goes to "the Bibis" and "the Ahmeds"
    And "the Bibis" are told "PKR 25,000"
    And "the Ahmeds" are told "score is now"
    And "the Khans" are told of the shock update with "SHOCK_UPDATE_MOVED"
    And "the Khans" are told "moved away from the shock area"
    And no re-survey of the shock is left to do

  Scenario: a re-survey is completed only with a new survey of its own household
    Given the service is running
    And these households are registered in the district "Dera Ghazi Khan" of Punjab:
      | household  | like reference household        |
      | the Ahmeds | cutoff-33-standard-not-eligible |
      | the Bibis  | exclusion-international-travel  |
    When policy officer "officer" declares a flood from "2025-01-15" to "2025-02-10" over the district "Dera Ghazi Khan" of Punjab
    Then completing the re-survey of "the Bibis" is refused with "is not a survey of household", given the re-survey of "the Ahmeds"
    And completing the re-survey of "the Bibis" is refused with "MISSED_OUT", given the survey they were registered with
    And the re-survey of "the Bibis" is still to do and nothing is rescored

  Scenario: only a policy officer declares a shock, and only over some area
    Given the service is running
    And these households are registered in the district "Muzaffargarh" of Punjab:
      | household  | like reference household        |
      | the Ahmeds | cutoff-33-standard-not-eligible |
    Then caseworker "caseworker" may not declare a flood over the district "Muzaffargarh" of Punjab
    And a flood declared by "officer" over no area is refused on "areas"
    And no case is opened for "the Ahmeds"

  Scenario: a household not found is visited once more, then its case closes without assistance
    Given the service is running
    And these households are registered in the district "Khanewal" of Punjab:
      | household  | like reference household        |
      | the Khans  | exclusion-phone-bill-above-1000 |
    When policy officer "officer" declares a flood from "2025-01-15" to "2025-02-10" over the district "Khanewal" of Punjab
    Then reporting "the Khans" not found without saying why is refused
    When the data-entry operator reports "the Khans" not found, because "the house is under water"
    Then the re-survey of "the Khans" is ordered again
    And "the Khans" are told "will visit again"
    When the data-entry operator reports "the Khans" not found, because "still nobody there"
    Then the shock's cases are closed as:
      | household  | outcome   |
      | the Khans  | NOT_FOUND |
    And "the Khans" are told "no emergency assistance is decided"
    And no re-survey of the shock is left to do
  Scenario: a flood declared twice is refused, and the first declaration is extended instead
    Given the service is running
    And these households are registered in the district "Bahawalpur" of Punjab:
      | household  | like reference household        |
      | the Ahmeds | cutoff-33-standard-not-eligible |
    And these households are registered in the district "Bahawalnagar" of Punjab:
      | household  | like reference household        |
      | the Bibis  | exclusion-international-travel  |
    When policy officer "officer" declares a flood from "2025-01-15" to "2025-02-10" over the district "Bahawalpur" of Punjab
    And policy officer "officer2" declares a flood from "2025-02-01" to "2025-02-20" over the district "Bahawalpur" of Punjab, which is refused because shock "2025-01-15 to 2025-02-10" already covers "Bahawalpur (PUNJAB)"
    And policy officer "officer" extends the flood to "2025-02-20" and the district "Bahawalnagar" of Punjab, as notification "PDMA notification 21/2025 extends 17/2025" says
    Then the flood lasts until "2025-02-20" over the districts "Bahawalpur" and "Bahawalnagar"
    And re-surveys are ordered, in this order:
      | household  | priority |
      | the Bibis  | 1        |
      | the Ahmeds | 2        |
    And "the Ahmeds" are named once for the flood

  Scenario: a misspelt district is refused with the district it may mean
    Given the service is running
    Then a flood declared by "officer" over the district "Multann" of Punjab is refused on "areas[0].district", saying "did you mean Multan?"
    And a flood declared by "officer" over the district "Dadu" of Punjab is refused on "areas[0].district", saying "'Dadu' is a district of SINDH, not of PUNJAB"
