package plans

import (
	"slices"
	"testing"

	"github.com/coach-dev/coach/skills"
)

// TestGoalSkillOutranksTheStretch: for someone below their current role's
// bar, a skill their own open goal names is a focus before a gap only to
// the next role's bar (a stretch): the current role comes first, and the
// person's goals with it. It holds when the goal's skill was set lower with
// no example written down, and so counts at the level before it. The person
// is made up: the rule reads the file.
func TestGoalSkillOutranksTheStretch(t *testing.T) {
	m := matrix(t)
	bar := atBar(m, "gpm")
	first := with(bar, map[string]int{"delegation": bar["delegation"] - 1, "team-health": bar["team-health"] - 1})
	lower := with(first, map[string]int{"coaching": first["coaching"] - 1})
	h := commitOf("c1", "2026-08-20", "Rosa Lind", "First assessments", nil, first)
	h = append(h, commitOf("c2", "2026-11-10", "Rosa Lind", "Notes from the 1:1s", first, lower)...)
	p := &skills.Person{ID: "jo", Name: "Jo Brandt", Role: "gpm", Manager: "rosa", Levels: lower, Assessed: day("2026-11-10"),
		PlanStart: day("2026-09-01"),
		Goals: []skills.Goal{
			{Text: "Hand the weekly planning review to Ada", Skills: []string{"delegation"}, Due: day("2027-01-15")},
			{Text: "Bring team engagement back up in the spring survey", Skills: []string{"team-health", "coaching"}, Due: day("2027-03-01")},
		}}
	rosa := &skills.Person{ID: "rosa", Name: "Rosa Lind", Role: "director", Levels: atBar(m, "director")}
	pl := buildWith(t, p, map[string][]skills.Change{"jo": person(h, "jo")}, rosa)
	var ids []string
	for _, f := range pl.Focus {
		ids = append(ids, f.ID)
	}
	if !slices.Contains(ids, "coaching") {
		t.Fatalf("focus %q, want coaching and mentoring, which the person's goal names", ids)
	}
	for _, f := range pl.Focus {
		if len(f.Goals) == 0 && !f.BelowRole && !f.Pinned {
			t.Errorf("focus %q has a stretch (%s) beside a skill the person's goal names", ids, f.ID)
		}
	}
}
