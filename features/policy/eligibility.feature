Feature: Eligibility for the cash transfer and the education stipend
  A household is eligible for the unconditional cash transfer when its poverty score is at or
  below 32. A household with a member who has a disability is eligible up to a score of 37.
  The payment goes to an ever-married woman of the household: the female head first, then the
  wife of the head. Every child aged 5 to 16 of an eligible household is granted the education
  stipend, paid while the child stays enrolled and attends school.

  The scenarios start from a household that earns no points at all, and then state the answers
  that add up to the score they need.

  Background: a household in Balochistan that earns no points
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

  Scenario: a household without any points is eligible, and the wife of the head receives the payment
    When the survey is submitted by a data-entry operator
    Then the poverty score is 0
    And the points per indicator are 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
    And the household is eligible for the unconditional cash transfer
    And the cut-off applied is 32
    And the reason mentions "the poverty score 0 is at or below the cut-off of 32 (the standard cut-off)"
    And the payment goes to member 2, the wife of the head
    And the education stipend is granted for 3 children
    And the decision records policy version 1 and the rule "Cash transfer: score at or below the cut-off"

  Scenario Outline: the cut-off is 32, or 37 for a household with a disabled member (score <score>, <disability>)
    Given the household lives in Punjab
    And the household owns a refrigerator and a television
    And <workers> in an elementary occupation
    And the wife of the head <schooling>
    And the household's drinking water comes from <water>
    And the household's toilet is <toilet>
    And <disability>
    When the survey is submitted by a data-entry operator
    Then the poverty score is <score>
    And the household is <outcome> for the unconditional cash transfer
    And the cut-off applied is <cut-off>
    And the reason mentions "<reason>"

    Examples: Punjab 12, refrigerator 12 and television 3 make 27 points; the other answers add the rest
      | workers                    | schooling            | water       | toilet                             | disability              | score | outcome      | cut-off | reason                                                                                    |
      | the head and his wife work | has no schooling     | piped water | a flush toilet to a pit            | no member has a disability | 32 | eligible     | 32      | the poverty score 32 is at or below the cut-off of 32 (the standard cut-off)              |
      | the head and his wife work | has completed Class 5 | a river, canal or pond | none                    | no member has a disability | 33 | not eligible | 32      | the poverty score 33 is above the cut-off of 32 (the standard cut-off)                    |
      | only the head works        | has no schooling     | piped water | none                               | no member has a disability | 35 | not eligible | 32      | the poverty score 35 is above the cut-off of 32 (the standard cut-off)                    |
      | only the head works        | has no schooling     | piped water | none                               | a member has a disability  | 35 | eligible     | 37      | the poverty score 35 is at or below the cut-off of 37 (the cut-off for households with a disabled member) |
      | the head and his wife work | has completed Class 5 | a river, canal or pond | a flush toilet to the public sewer | a member has a disability | 37 | eligible | 37 | the poverty score 37 is at or below the cut-off of 37 (the cut-off for households with a disabled member) |
      | the head and his wife work | has completed Class 5 | piped water | a flush toilet to a pit          | a member has a disability  | 38 | not eligible | 37      | the poverty score 38 is above the cut-off of 37 (the cut-off for households with a disabled member) |

  Scenario Outline: each child aged 5 to 16 of an eligible household gets the education stipend (a child aged <age>)
    The household already has three children of school age (6, 8 and 10) and two younger ones.

    Given the household also has a child aged <age>
    When the survey is submitted by a data-entry operator
    Then the poverty score is 0
    And the household is eligible for the unconditional cash transfer
    And the education stipend is granted for <stipends> children
    And the child aged <age> <receives> a stipend
    And the child aged 6 receives a stipend
    And the child aged 3 does not receive a stipend

    Examples:
      | age | stipends | receives           |
      | 4   | 3        | does not receive   |
      | 5   | 4        | receives           |
      | 16  | 4        | receives           |
      | 17  | 3        | does not receive   |

  Scenario: a child of school age who does not attend school is granted the stipend on condition of enrolment
    When the survey is submitted by a data-entry operator
    Then the household is eligible for the unconditional cash transfer
    And the child aged 8 receives a stipend
    And the stipend of the child aged 8 is paid on condition of "enrolment in school and 70% attendance each quarter"

  Scenario: a household above the cut-off gets no education stipend, whatever its children
    Given the household lives in Punjab
    And the household owns a refrigerator, a television and a motorcycle
    When the survey is submitted by a data-entry operator
    Then the poverty score is 39
    And the household is not eligible for the unconditional cash transfer
    And no education stipend is granted

  Scenario: an eligible household without children of school age gets no stipend
    Given the household has children aged 1, 3 and 4
    When the survey is submitted by a data-entry operator
    Then the poverty score is 16
    And the household is eligible for the unconditional cash transfer
    And no education stipend is granted
    And the decision records policy version 1 and the rule "Education stipend: no school-age child"

  Scenario: without a female head or spouse the payment is held until a nominee is recorded
    Given the household has no female head or spouse
    When the survey is submitted by a data-entry operator
    Then the poverty score is 9
    And the household is eligible for the unconditional cash transfer
    And the payment is held until a nominee is recorded
