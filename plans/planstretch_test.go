package plans

import (
	"slices"
	"testing"

	"github.com/coach-dev/coach/skills"
)

// The plan's focus, milestones, commitments and whys as a VP hands them
// over (issue 20): every person here is made up; the rules read the file.

// A milestone is dated as people date things: "By 31 January 2027", never
// "Day 74 (2027-01-31)".
func TestMilestonesAreDatedAsPeopleDateThings(t *testing.T) {
	m := matrix(t)
	p := &skills.Person{ID: "kim", Name: "Kim Lund", Role: "pm", Assessed: day("2026-11-18"), PlanStart: day("2026-09-01"),
		Levels: with(atBar(m, "pm"), map[string]int{"negotiation": 2}),
		Goals:  []skills.Goal{{Text: "Agree the returns-flow scope with Support", Skills: []string{"negotiation"}, Due: day("2027-01-31")}}}
	pl := build(t, p)
	var got []string
	for _, ms := range pl.Milestones {
		got = append(got, ms.When+": "+ms.Text)
	}
	want := `By 31 January 2027: "Agree the returns-flow scope with Support" done, and Support's view of how it went.`
	if !slices.Contains(got, want) {
		t.Errorf("milestones %q\nwant one %q", got, want)
	}
	for _, ms := range pl.Milestones {
		if ms.When == "" || ms.When[:3] != "By " {
			t.Errorf("milestone %+v is not dated as 'By ...'", ms)
		}
	}
}
