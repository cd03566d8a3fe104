Feature: Exclusion filters
  A household whose poverty score is within the cut-off is still not eligible for the cash
  transfer, nor for the education stipend, when any of these is true: it owns a car; a member is
  employed by the government; it owns more than 12.5 acres of agricultural land; a member
  travelled abroad in the last 12 months; its average monthly phone bill is above PKR 1,000.
  The household is told which filter removed it.

  Background: a household in Balochistan that earns no points, and so is within the cut-off
    Given a household surveyed for the first time, like the shared example
    And the household lives in Balochistan
    And the household has children aged 1, 3, 6, 8 and 10
    And the child aged 8 does not attend school
    And the head and his wife work in an elementary occupation
    And the wife of the head has no schooling
    And the household's drinking water comes from a river, canal or pond
    And the household has no toilet
    And the household owns no refrigerator, no television and no vehicle
    And no member has a disability

  Scenario Outline: an otherwise eligible household is excluded when <answer>
    Given <answer>
    When the survey is submitted by a data-entry operator
    Then the poverty score is <score>
    And the household is not eligible for the unconditional cash transfer
    And the reason mentions "is within the cut-off of 32, but <reason>"
    And no education stipend is granted
    And the decision records policy version 1 and the rule "<filter>"

    Examples:
      | answer                                           | score | reason                                                           | filter                 |
      | the household owns a car                         | 12    | the household owns a car                                         | car ownership          |
      | one member is employed by the government         | 5     | a member of the household is employed by the government          | government employment  |
      | the household owns 13 acres of agricultural land | 0     | the household owns more than 12.5 acres of agricultural land     | agricultural land      |
      | the household owns 12.6 acres of agricultural land | 0   | the household owns more than 12.5 acres of agricultural land     | agricultural land      |
      | a member travelled abroad in the last 12 months  | 0     | a member of the household travelled abroad in the last 12 months | international travel   |
      | the household's monthly phone bill is PKR 1,001  | 0     | the household's average monthly phone bill is above PKR 1,000    | high phone bill        |
      | the household's monthly phone bill is PKR 4,500  | 0     | the household's average monthly phone bill is above PKR 1,000    | high phone bill        |

  Scenario Outline: a household at a filter's limit, or not concerned by it, is not excluded (<answer>)
    Given <answer>
    When the survey is submitted by a data-entry operator
    Then the poverty score is <score>
    And the household is eligible for the unconditional cash transfer
    And the reason does not mention "but"
    And the education stipend is granted for 3 children

    Examples:
      | answer                                             | score |
      | the household owns 12.5 acres of agricultural land | 0     |
      | the household owns 12 acres of agricultural land   | 0     |
      | the household's monthly phone bill is PKR 1,000    | 0     |
      | the household's monthly phone bill is PKR 0        | 0     |
      | no member travelled abroad in the last 12 months   | 0     |
      | the household owns a motorcycle                    | 12    |
      | the household owns a rickshaw                      | 12    |

  Scenario: every filter that applies is named in the reason
    Given the household owns a car
    And a member travelled abroad in the last 12 months
    When the survey is submitted by a data-entry operator
    Then the poverty score is 12
    And the household is not eligible for the unconditional cash transfer
    And the reason mentions "the household owns a car"
    And the reason mentions "a member of the household travelled abroad in the last 12 months"

  Scenario: a household above the cut-off is told its score, not the filter
    Given the household lives in Punjab
    And the household owns a refrigerator and a car
    When the survey is submitted by a data-entry operator
    Then the poverty score is 36
    And the household is not eligible for the unconditional cash transfer
    And the reason mentions "the poverty score 36 is above the cut-off of 32"
    And the reason does not mention "owns a car"
