package plans

import (
	"slices"
	"testing"

	"github.com/coach-dev/coach/skills"
)

// A level set lower in the period with no example written down behind it
// counts at the level before it until the example is written down, as a
// raise without evidence does (issue 20): said once at a glance, and no
// gap, verdict or focus of its own. With an example behind it, the lower
// level counts. The person is made up: the rule reads the file.
func TestLoweredWithoutEvidenceCountsTheLevelBefore(t *testing.T) {
	m := matrix(t)
	first := atBar(m, "pm")
	lower := with(first, map[string]int{"communication": first["communication"] - 1})
	build := func(ev []skills.Evidence) *Plan {
		h := commitOf("c1", "2026-05-12", "Rosa Lind", "First assessments", nil, first)
		h = append(h, commitOf("c2", "2026-10-20", "Rosa Lind", "Notes from the 1:1s", first, lower)...)
		p := &skills.Person{ID: "jo", Name: "Jo Brandt", Role: "pm", Manager: "rosa", Levels: lower, Assessed: day("2026-11-17"),
			PlanStart: day("2026-06-01"), Evidence: ev}
		rosa := &skills.Person{ID: "rosa", Name: "Rosa Lind", Role: "gpm", Levels: atBar(m, "gpm")}
		return buildWith(t, p, map[string][]skills.Change{"jo": person(h, "jo")}, rosa)
	}
	pl := build(nil)
	want := "Communication up, down and sideways was set lower, to 1, on 20 October, with no example written down: until Rosa writes down what it rests on, this plan counts it at 2 Practising."
	if n := slices.Index(pl.VerdictEvidence, want); n < 0 {
		t.Errorf("at a glance = %q, want %q", pl.VerdictEvidence, want)
	}
	for _, g := range pl.CountedCurrent().Below {
		t.Errorf("below the current bar: %s", g.Name)
	}
	if pl.Verdict.Text == "not yet: the current role first" {
		t.Errorf("verdict %+v rests on the lowering", pl.Verdict)
	}
	for _, f := range pl.Focus {
		if f.ID == "communication" && f.BelowRole {
			t.Errorf("focus %+v below the role on the lowering alone", f)
		}
	}
	if got := pl.LoweredWithoutEvidence(); !slices.Equal(got, []string{"communication"}) {
		t.Errorf("lowered = %q", got)
	}
	backed := build([]skills.Evidence{{Date: day("2026-10-14"), Skill: "communication", Text: "The launch update left Sales guessing at the date"}})
	if len(backed.LoweredWithoutEvidence()) != 0 || !slices.ContainsFunc(backed.CountedCurrent().Below, func(g SkillGap) bool { return g.ID == "communication" }) {
		t.Errorf("a lowering with an example behind it is not counted: lowered %q, below %+v", backed.LoweredWithoutEvidence(), backed.CountedCurrent().Below)
	}
	if slices.ContainsFunc(backed.VerdictEvidence, func(s string) bool { return s == want }) {
		t.Errorf("a lowering with an example behind it is said held")
	}
}
