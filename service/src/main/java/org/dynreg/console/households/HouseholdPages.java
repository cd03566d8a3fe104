package org.dynreg.console.households;

import org.dynreg.audit.ReplayOutcome;
import org.dynreg.audit.Replays;
import org.dynreg.eligibility.DecisionView;
import org.dynreg.eligibility.Eligibility;
import org.dynreg.registry.HouseholdSearch;
import org.dynreg.registry.HouseholdView;
import org.dynreg.registry.Registry;
import org.dynreg.security.Caller;
import org.dynreg.security.Role;
import org.dynreg.console.Signed;
import org.dynreg.workflow.Cases;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The household pages: finding a household (GET /api/search/households) and one household with its roster
 * (GET /api/households/{id}), its decisions with the score breakdown (GET /api/households/{id}/decisions), its surveys,
 * its cases (GET /api/households/{id}/cases, for the roles that read cases) and, for auditors, the replay of its
 * current decision (GET /api/decisions/{id}/replay). Every read goes through the facades those endpoints call.
 */
@Controller
class HouseholdPages {
    /** The roles of GET /api/households/{id}/cases. */
    private static final Set<Role> CASE_READERS = Set.of(Role.CASEWORKER, Role.SUPERVISOR, Role.AUDITOR);

    private final HouseholdSearch search;
    private final Registry registry;
    private final Eligibility eligibility;
    private final Cases cases;
    private final Replays replays;
    private final Caller caller;

    HouseholdPages(HouseholdSearch search, Registry registry, Eligibility eligibility, Cases cases, Replays replays, Caller caller) {
        this.search = search;
        this.registry = registry;
        this.eligibility = eligibility;
        this.cases = cases;
        this.replays = replays;
        this.caller = caller;
    }

    /** The search form; with any key filled in, the households found. */
    @GetMapping("/households")
    @PreAuthorize("hasAnyRole('DATA_ENTRY_OPERATOR','CASEWORKER','SUPERVISOR','AUDITOR')")
    String find(@RequestParam(required = false) Long householdId, @RequestParam(required = false) String nationalId,
                @RequestParam(required = false) String phone, @RequestParam(required = false) String name,
                Authentication auth, Model model) {
        HouseholdSearch.Query q = new HouseholdSearch.Query(householdId, nationalId, phone, name);
        model.addAttribute("query", q);
        model.addAttribute("personal", caller.maySeePersonalData(auth));
        boolean asked = householdId != null || q.personal();
        model.addAttribute("asked", asked);
        model.addAttribute("found", asked ? search.find(q, auth) : List.of());
        return "console/households/search";
    }

    @GetMapping("/households/{id}")
    @PreAuthorize("hasAnyRole('DATA_ENTRY_OPERATOR','CASEWORKER','SUPERVISOR','AUDITOR')")
    String household(@PathVariable long id, Authentication auth, Model model) {
        HouseholdView h = registry.read(id, auth);
        List<DecisionView> decisions = eligibility.decisionsOf(id);
        DecisionView current = decisions.isEmpty() ? null : decisions.get(decisions.size() - 1);
        Set<Role> roles = Signed.roles(auth);
        boolean readsCases = roles.stream().anyMatch(CASE_READERS::contains);
        List<Map<String, Object>> ofHousehold = readsCases ? cases.ofHousehold(id) : List.of();
        model.addAttribute("household", h);
        model.addAttribute("decision", current);
        model.addAttribute("scoreLines", current == null ? List.of() : Eligibility.scoreLines(current));
        model.addAttribute("decisions", newestFirst(decisions));
        model.addAttribute("surveys", newestFirst(registry.surveysOf(id)));
        model.addAttribute("readsCases", readsCases);
        model.addAttribute("cases", ofHousehold);
        model.addAttribute("mayReplay", roles.contains(Role.AUDITOR));
        return "console/households/household";
    }

    /** The auditor's replay of a decision, as a fragment: identical, or the fields that differ. */
    @GetMapping("/decisions/{decisionId}/replay")
    @PreAuthorize("hasRole('AUDITOR')")
    String replay(@PathVariable long decisionId, Authentication auth, Model model) {
        ReplayOutcome outcome = replays.replay(decisionId, null, auth.getName());
        model.addAttribute("replay", outcome);
        return "console/households/replay :: replay";
    }

    private static <T> List<T> newestFirst(List<T> oldestFirst) {
        List<T> l = new java.util.ArrayList<>(oldestFirst);
        java.util.Collections.reverse(l);
        return l;
    }
}
