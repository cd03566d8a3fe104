package org.dynreg.policy;

import java.util.List;

/**
 * One reference walk through one candidate process: the walk's name, the process id, what it pins, whether the
 * process took the walk as scripted, and when not, why (naming the element); the elements it reached, in order,
 * and the user tasks it passed through that the script does not know.
 */
public record WalkCheck(String walk, String process, String description, boolean passed, String reason,
                        List<String> reached, List<String> passedThrough) {
}
