@workflow
Feature: Casework routed to the right desk
  A case belongs to the office of its household: the district and tehsil of its address. Caseworkers,
  supervisors and data-entry operators work for offices (a district office, a tehsil office, a
  registration site, or the whole country), and see and take only their offices' work. Supervisors
  give a held task to someone else of the office, or back to the group, and say why. A step left
  waiting too long appears in the supervisors' list. People find a household by what they may know.

  Scenario: a supervisor of another district neither sees nor takes the household's task
    Given the service is running
    And a household of tehsil "Mehar" in district "Dadu" surveyed like reference household "cutoff-32-standard-eligible"
    And supervisor "sup-dadu" works for the district office of "Dadu"
    And supervisor "sup-mehar" works for the tehsil office of "Mehar" in "Dadu"
    And supervisor "sup-sukkur" works for the district office of "Sukkur"
    When the team lead asks to change the head of the household
    Then "sup-dadu" sees the task "Approve the roster change" in the group's list
    And "sup-mehar" sees the task "Approve the roster change" in the group's list
    And "supervisor" sees the task "Approve the roster change" in the group's list
    And "sup-sukkur" does not see it
    And "sup-sukkur" is refused taking "Approve the roster change", the answer naming the office "tehsil Mehar (district Dadu)"

  Scenario: a supervisor gives a held task to another supervisor of the office
    Given the service is running
    And a household of tehsil "Mehar" in district "Dadu" surveyed like reference household "cutoff-32-standard-eligible"
    And supervisor "sup-dadu" works for the district office of "Dadu"
    And supervisor "sup-mehar" works for the tehsil office of "Mehar" in "Dadu"
    And supervisor "sup-sukkur" works for the district office of "Sukkur"
    When the team lead asks to change the head of the household
    And "sup-dadu" takes the task "Approve the roster change"
    Then supervisor "sup-mehar" is refused giving the task "Approve the roster change" to "sup-sukkur", because "does not work for the tehsil Mehar (district Dadu) office"
    And supervisor "sup-mehar" is refused giving the task "Approve the roster change" to "lead", because "did a step that task"
    When supervisor "sup-mehar" gives the task "Approve the roster change" to "sup-mehar" because "sup-dadu is on leave this week"
    Then "sup-mehar" holds the task "Approve the roster change"
    And the case history records "task.reassign" by "sup-mehar" with the reason "sup-dadu is on leave this week"

  Scenario: a supervisor gives a task someone else holds back to the supervisors
    Given the service is running
    And a household of tehsil "Mehar" in district "Dadu" surveyed like reference household "cutoff-32-standard-eligible"
    And supervisor "sup-dadu" works for the district office of "Dadu"
    And supervisor "sup-mehar" works for the tehsil office of "Mehar" in "Dadu"
    And supervisor "sup-sukkur" works for the district office of "Sukkur"
    When the team lead asks to change the head of the household
    And "sup-mehar" takes the task "Approve the roster change"
    And supervisor "sup-dadu" gives the task "Approve the roster change" back to the supervisors because "left unattended"
    Then nobody holds the task "Approve the roster change"
    And "sup-dadu" sees the task "Approve the roster change" in the group's list
    And the case history records "task.release" by "sup-dadu" with the reason "left unattended"

  Scenario: a step left waiting too long appears in the supervisors' list of the office
    Given the service is running with a case clock of 200 milliseconds a day
    And a household of tehsil "Mehar" in district "Dadu" surveyed like reference household "cutoff-32-standard-eligible"
    And supervisor "sup-dadu" works for the district office of "Dadu"
    And supervisor "sup-mehar" works for the tehsil office of "Mehar" in "Dadu"
    And supervisor "sup-sukkur" works for the district office of "Sukkur"
    When the team lead asks to change the head of the household
    And the task "Approve the roster change" waits longer than the Deadlines table allows
    Then "sup-dadu" sees an escalation of the case naming the step "roster-approval", the task "Approve the roster change" and the group "supervisors"
    And "sup-sukkur" sees no escalation of the case
    When supervisor "sup-dadu" takes the task "Approve the roster change" and completes it with "APPROVE"
    Then "sup-dadu" sees no escalation of the case

  Scenario: a task-list line tells what is needed to choose the next job
    Given the service is running
    And a household of tehsil "Mehar" in district "Dadu" surveyed like reference household "cutoff-32-standard-eligible"
    And supervisor "sup-dadu" works for the district office of "Dadu"
    And supervisor "sup-mehar" works for the tehsil office of "Mehar" in "Dadu"
    And supervisor "sup-sukkur" works for the district office of "Sukkur"
    When the team lead asks to change the head of the household
    Then the line of the task "Approve the roster change" in "sup-dadu"'s list shows:
      | field       | value                                |
      | caseType    | ROSTER_UPDATE                        |
      | householdId | (the household)                      |
      | headName    | (the head's name)                    |
      | district    | Dadu                                 |
      | office      | tehsil Mehar (district Dadu)         |
      | score       | (the current score)                  |
      | step        | roster-approval                      |
      | dueAt       | (a date)                             |
      | waiting     | (a duration)                         |
      | sla         | (one of ON_TRACK, AT_RISK, BREACHED) |

  Scenario: households are found by what each role may know
    Given the service is running
    And a household of tehsil "Mehar" in district "Dadu" surveyed like reference household "cutoff-32-standard-eligible"
    And supervisor "sup-dadu" works for the district office of "Dadu"
    And supervisor "sup-mehar" works for the tehsil office of "Mehar" in "Dadu"
    And supervisor "sup-sukkur" works for the district office of "Sukkur"
    Then caseworker "caseworker" finds the household by national-id
    And caseworker "caseworker" finds the household by name
    And auditor "auditor" finds the household by id
    And the auditor's answer has no head's name
    And auditor "auditor" is refused searching by national-id
