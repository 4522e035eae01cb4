package plans

import (
	"slices"
	"testing"

	"github.com/coach-dev/coach/skills"
)

// TestCR20WithinReachReadsCountedLevels: who is within reach of a role and
// ready for it now is read on the levels the person's own plan counts: two
// levels raised to the target's bar in the period with no example written
// down count at the level before, so the person is within reach, not ready
// now (VP cold read 20, finding 2). With an example behind each raise, they
// are ready now. The people are made up: the rule reads the files.
func TestCR20WithinReachReadsCountedLevels(t *testing.T) {
	m := matrix(t)
	top := atBar(m, "senior-pm")
	var three []string
	for _, s := range m.Skills {
		if s.Expect["senior-pm"] > s.Expect["pm"] && len(three) < 3 {
			three = append(three, s.ID)
		}
	}
	first := with(top, nil)
	for _, id := range three {
		first[id]--
	}
	h := commitOf("c1", "2026-05-12", "Rosa Lind", "First assessments", nil, first)
	h = append(h, commitOf("c2", "2026-11-10", "Rosa Lind", "Notes from the 1:1s", first, top)...)
	index := func(ev []skills.Evidence) *TeamIndex {
		p := &skills.Person{ID: "jo", Name: "Jo Brandt", Role: "pm", Target: "senior-pm", Manager: "rosa", Levels: top,
			Assessed: day("2026-11-17"), PlanStart: day("2026-06-01"), Evidence: ev}
		rosa := &skills.Person{ID: "rosa", Name: "Rosa Lind", Role: "gpm", Levels: atBar(m, "gpm")}
		return IndexTeamWith(m, skills.DefaultConfig(), []*skills.Person{p, rosa}, map[string][]skills.Change{"jo": person(slices.Clone(h), "jo")})
	}
	team := index(nil)
	if got := withinReach(m, team, "senior-pm"); !slices.Equal(got, []string{"jo"}) {
		t.Errorf("within reach = %q, want jo", got)
	}
	if got := readyNowFor(m, team, "senior-pm"); len(got) != 0 {
		t.Errorf("ready now = %q on levels raised with no example", got)
	}
	var ev []skills.Evidence
	for _, id := range three {
		ev = append(ev, skills.Evidence{Date: day("2026-11-02"), Skill: id, Text: "Led the pricing review with Finance"})
	}
	if got := readyNowFor(m, index(ev), "senior-pm"); !slices.Equal(got, []string{"jo"}) {
		t.Errorf("ready now with an example behind each raise = %q, want jo", got)
	}
}
