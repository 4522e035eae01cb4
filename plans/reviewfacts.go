package plans

import "github.com/coach-dev/coach/skills"

// What a review asks of a plan and of the words of a file, read by the
// same rules the plan reads them with.

// SameWork reports whether two texts of a file (a goal and an evidence
// entry, two goals) name the same work: three content words in common, as
// a plan tells evidence that shows a goal.
func SameWork(a, b string) bool { return shown([]string{a}, b) }

// WaitsOn is, for the person's goal text, the call name of their manager
// when the goal waits on the manager's own overdue goal (the hand-over the
// plan lists among the manager's commitments), with that goal; "" when it
// waits on nobody.
func (pl *Plan) WaitsOn(goal string) (who string, theirs skills.Goal) {
	if who = pl.waiting[goal]; who == "" {
		return "", skills.Goal{}
	}
	return who, pl.handOver[goal]
}

// Reports are the people who name id as their manager, by the names the
// plans call them, in the team's order.
func (ix *TeamIndex) Reports(id string) []string {
	var out []string
	for _, r := range ix.reports[id] {
		out = append(out, ix.callName(ix.people[r]))
	}
	return out
}
