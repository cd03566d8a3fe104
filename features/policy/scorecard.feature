Feature: The poverty score
  Every household surveyed gets a poverty score from 0 (poorest) to 100, the sum of the points
  for its answers to the ten questions of the Simple Poverty Scorecard for Pakistan. The points
  are those published with the scorecard; the lower the score, the poorer the household is likely
  to be.

  The shared example is the Punjab household of the survey format: a day labourer, his wife (who
  completed Class 5) and three children aged 12, 9 and 4, the two older ones at school, with piped
  water, a flush toilet to a pit and a television.

  Scenario: the shared example scores 47 and is not eligible
    Given a household surveyed for the first time, like the shared example
    When the survey is submitted by a data-entry operator
    Then the poverty score is 47
    And the points per indicator are 12, 11, 5, 5, 6, 3, 2, 0, 3, 0
    And the score is made up of:
      | indicator | question                               | answer                                                             | points |
      | 1         | Province                               | 1D Punjab or Islamabad                                             | 12     |
      | 2         | Members aged 13 or younger             | 2C Three                                                           | 11     |
      | 3         | Children aged 5 to 13 in school        | 3B All, or no children aged 5 to 13                                | 5      |
      | 4         | Members in elementary occupations      | 4B One                                                             | 5      |
      | 5         | Education of the female head or spouse | 5C Class 1 or higher                                               | 6      |
      | 6         | Drinking water                         | 6B Hand pump, covered well, motor pump or tube well, or piped water | 3      |
      | 7         | Toilet                                 | 7B Flush to pit, septic tank or open drain                         | 2      |
      | 8         | Refrigerator or freezer                | 8A No                                                              | 0      |
      | 9         | Television                             | 9B Yes                                                             | 3      |
      | 10        | Vehicle                                | 10A No                                                             | 0      |
    And the household is not eligible for the unconditional cash transfer
    And the reason mentions "the poverty score 47 is above the cut-off of 32"
    And no education stipend is granted
    And the decision records policy version 1 and the rule "Cash transfer: score above the cut-off"

  Scenario Outline: the province where the household lives (Punjab gives 12 points)
    Given a household surveyed for the first time, like the shared example
    And the household lives in <province>
    When the survey is submitted by a data-entry operator
    Then the poverty score is <score>
    And the decision records policy version 1 and the rule "<rule>"

    Examples:
      | province               | score | rule                       |
      | Punjab                 | 47    | 1D Punjab or Islamabad     |
      | Islamabad              | 47    | 1D Punjab or Islamabad     |
      | Sindh                  | 46    | 1C Sindh                   |
      | Khyber Pakhtunkhwa     | 44    | 1B Khyber Pakhtunkhwa      |
      | Azad Jammu and Kashmir | 44    | 1E Azad Jammu and Kashmir  |
      | Gilgit-Baltistan       | 44    | 1F Gilgit-Baltistan        |
      | Balochistan            | 35    | 1A Balochistan             |

  Scenario Outline: the number of members aged 13 or younger (three give 11 points)
    The children of the example are replaced by children under school age, so that the question
    on school attendance keeps its 5 points.

    Given a household surveyed for the first time, like the shared example
    And the household has <young> members aged 13 or younger, all under 5
    When the survey is submitted by a data-entry operator
    Then the poverty score is <score>

    Examples:
      | young | score |
      | 0     | 67    |
      | 1     | 58    |
      | 2     | 51    |
      | 3     | 47    |
      | 4     | 42    |
      | 5     | 36    |
      | 6     | 36    |

  Scenario Outline: children aged 5 to 13 not at school (all at school give 5 points)
    Given a household surveyed for the first time, like the shared example
    And the household has children aged <ages>
    And the child aged <absent> does not attend school
    When the survey is submitted by a data-entry operator
    Then the poverty score is <score>

    Examples:
      | ages     | absent | score |
      | 12, 9, 4 | 9      | 42    |
      | 12, 9, 4 | 12     | 42    |
      | 12, 9, 4 | 4      | 47    |

  Scenario Outline: members working in elementary occupations (one gives 5 points)
    Given a household surveyed for the first time, like the shared example
    And <who> in an elementary occupation
    When the survey is submitted by a data-entry operator
    Then the poverty score is <score>

    Examples:
      | who                          | score |
      | nobody in the household works | 54    |
      | only the head works          | 47    |
      | the head and his wife work   | 42    |

  Scenario Outline: the schooling of the female head or spouse (Class 1 or higher gives 6 points)
    Given a household surveyed for the first time, like the shared example
    And <schooling>
    When the survey is submitted by a data-entry operator
    Then the poverty score is <score>

    Examples:
      | schooling                                  | score |
      | the wife of the head has completed Class 5 | 47    |
      | the wife of the head has completed Class 1 | 47    |
      | the wife of the head went to pre-school only | 41  |
      | the wife of the head has no schooling      | 41    |
      | the household has no female head or spouse | 45    |

  Scenario Outline: the main source of drinking water (piped water gives 3 points)
    Given a household surveyed for the first time, like the shared example
    And the household's drinking water comes from <source>
    When the survey is submitted by a data-entry operator
    Then the poverty score is <score>

    Examples:
      | source                    | score |
      | piped water               | 47    |
      | a hand pump               | 47    |
      | a motor pump or tube well | 47    |
      | a covered well            | 47    |
      | an open well              | 44    |
      | a river, canal or pond    | 44    |
      | a tanker                  | 44    |
      | bottled water             | 44    |

  Scenario Outline: the toilet (a flush toilet to a pit gives 2 points)
    Given a household surveyed for the first time, like the shared example
    And the household's toilet is <toilet>
    When the survey is submitted by a data-entry operator
    Then the poverty score is <score>

    Examples:
      | toilet                             | score |
      | a flush toilet to the public sewer | 49    |
      | a flush toilet to a septic tank    | 47    |
      | a flush toilet to a pit            | 47    |
      | a flush toilet to an open drain    | 47    |
      | a dry pit latrine                  | 45    |
      | a communal toilet                  | 45    |
      | none                               | 45    |

  Scenario Outline: a refrigerator, a television and a vehicle (12, 3 and 12 points)
    Given a household surveyed for the first time, like the shared example
    And the household owns <assets>
    When the survey is submitted by a data-entry operator
    Then the poverty score is <score>

    Examples:
      | assets                                    | score |
      | a refrigerator                            | 59    |
      | a freezer                                 | 59    |
      | a refrigerator and a freezer              | 59    |
      | no television                             | 44    |
      | a motorcycle                              | 59    |
      | a rickshaw                                | 59    |
      | a car                                     | 59    |
      | a motorcycle and a car                    | 59    |
      | a refrigerator, a motorcycle and a car    | 71    |
      | no refrigerator, no television and no vehicle | 44 |
