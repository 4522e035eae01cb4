package plans

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/coach-dev/coach/skills"
)

// Cold read 9, finding 2: a strength's use offers help only to a teammate
// who has the skill as a focus with a step still to take in it: below the
// strong person's level and below their own target's bar. A teammate
// already at their target's bar in it is offered nothing.
func TestCR9StrengthUseGoesDownTheSkill(t *testing.T) {
	m := matrix(t)
	p := &skills.Person{ID: "chloe", Name: "Chloe Martin", Role: "pm", Assessed: day("2026-11-18"), PlanStart: day("2026-06-01"),
		Levels:   with(atBar(m, "pm"), map[string]int{"outcome-focus": 4}),
		Evidence: []skills.Evidence{{Date: day("2026-10-01"), Skill: "outcome-focus", Text: "Rewrote the roadmap as three outcomes"}}}
	ready := &skills.Person{ID: "nora", Name: "Nora Reyes", Role: "pm", Assessed: day("2026-11-16"), Focus: []string{"outcome-focus"},
		Levels: with(atBar(m, "senior-pm"), nil)}
	short := &skills.Person{ID: "bea", Name: "Bea Lund", Role: "pm", Assessed: day("2026-11-16"), Focus: []string{"outcome-focus"},
		Levels: with(atBar(m, "pm"), nil)}
	// No mentor matching: the use under test is the offer to a teammate.
	cfg := skills.DefaultConfig()
	cfg.Team.MentorCapacity = 0
	build := func(t *testing.T, p *skills.Person, team ...*skills.Person) *Plan {
		t.Helper()
		pl, err := Build(Input{Matrix: m, Config: cfg, Person: p, Team: append([]*skills.Person{p}, team...)})
		if err != nil {
			t.Fatal(err)
		}
		return pl
	}
	use := func(pl *Plan) string {
		for _, st := range pl.Strengths {
			if st.ID == "outcome-focus" {
				return st.Use
			}
		}
		t.Fatalf("no strength in outcome-focus: %+v", pl.Strengths)
		return ""
	}
	if got := use(build(t, p, ready)); got != "" {
		t.Errorf("use offered to a teammate at their target's bar: %q", got)
	}
	want := "Bea Lund has it as a focus: offer an hour on Bea's live work, and review one piece of it together"
	if diff := cmp.Diff(want, use(build(t, p, ready, short))); diff != "" {
		t.Errorf("use (-want +got):\n%s", diff)
	}
}

// Cold read 9, finding 1: the evidence quoted for a strength is the newest
// on its skill; a practice a goal on the skill dropped since is not quoted,
// and a newest entry that records a setback means no strength.
func TestCR9StrengthEvidenceIsCurrent(t *testing.T) {
	m := matrix(t)
	p := &skills.Person{ID: "chloe", Name: "Chloe Martin", Role: "pm", Assessed: day("2026-11-18"), PlanStart: day("2026-06-01"),
		Levels: with(atBar(m, "pm"), map[string]int{"outcome-focus": 4, "communication": 4}),
		Goals:  []skills.Goal{{Text: "Run a launch review for every release", Skills: []string{"outcome-focus"}, Due: day("2026-12-15"), Dropped: day("2026-11-18"), Outcome: "Replaced by one monthly review"}},
		Evidence: []skills.Evidence{
			{Date: day("2026-07-08"), Skill: "outcome-focus", Text: "Rewrote the roadmap as three outcomes"},
			{Date: day("2026-09-09"), Skill: "outcome-focus", Text: "Held launch reviews for the last three releases"},
			{Date: day("2026-10-01"), Skill: "communication", Text: "Monthly update now read and quoted by Finance"},
		}}
	var got []string
	for _, st := range build(t, p).Strengths {
		got = append(got, st.Name+" | "+st.Shows)
	}
	// Cold read 10, finding 10: the dropped practice is passed over, and
	// the entry before it speaks for the skill.
	want := []string{`Communication up, down and sideways | 2026-10-01 ("Monthly update now read and quoted by Finance")`, `Outcomes and metrics | 2026-07-08 ("Rewrote the roadmap as three outcomes")`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("strengths (-want +got):\n%s", diff)
	}
	p.Evidence = append(p.Evidence, skills.Evidence{Date: day("2026-11-02"), Skill: "communication", Text: "The monthly update slipped twice; Finance stopped reading it"})
	for _, st := range build(t, p).Strengths {
		if st.ID == "communication" {
			t.Errorf("a skill whose newest entry is a setback named a strength: %+v", st)
		}
	}
}

// Cold read 9, finding 3: with no strength to name, the plan says what the
// person's own evidence shows they can build on, never as a strength.
func TestCR9PlanBuildOn(t *testing.T) {
	m := matrix(t)
	p := &skills.Person{ID: "kofi", Name: "Kofi Mensah", Role: "gpm", Assessed: day("2026-11-20"), PlanStart: day("2026-09-01"),
		Levels:   with(atBar(m, "gpm"), map[string]int{"coaching": 2}),
		Evidence: []skills.Evidence{{Date: day("2026-10-14"), Skill: "coaching", Text: "Ran the first career conversation with a report, with the development plan open"}}}
	pl := build(t, p)
	if len(pl.Strengths) != 0 || pl.BuildOn == nil {
		t.Fatalf("strengths %+v, build on %+v", pl.Strengths, pl.BuildOn)
	}
	// Cold read 10, finding 13: with no work written down at or above the
	// bar, the highest levels there are named on the assessment, never
	// the step below it the evidence shows.
	want := `Communication up, down and sideways (4 Leading, the Group Product Manager bar), Cross-functional collaboration (4 Leading, the Group Product Manager bar) and Customer insight (4 Leading, the Group Product Manager bar), on the assessment of 2026-11-20: your highest levels, the job done well and the ground the next step stands on. Write down one piece of work that shows each, with who saw it.`
	if diff := cmp.Diff(want, pl.BuildOn.Plan); diff != "" {
		t.Errorf("build on (-want +got):\n%s", diff)
	}
	p.Evidence = append(p.Evidence, skills.Evidence{Date: day("2026-09-02"), Skill: "communication", Text: "Wrote the quarterly update the board now quotes"})
	want = `Communication up, down and sideways: 4 Leading, the Group Product Manager bar, shown on 2026-09-02 ("Wrote the quarterly update the board now quotes"): the job done well, and the ground the next step stands on.`
	if got := build(t, p).BuildOn; got == nil || got.Plan != want {
		t.Errorf("build on = %+v, want %q", got, want)
	}
	if strings.Contains(want, "strength") {
		t.Error("build on said as a strength")
	}
}

// Cold read 9, finding 8: a goal dropped in the period is said dropped,
// never added.
func TestCR9DroppedGoalIsNotAdded(t *testing.T) {
	m := matrix(t)
	p := &skills.Person{ID: "chloe", Name: "Chloe Martin", Role: "pm", Assessed: day("2026-11-18"), PlanStart: day("2026-06-01"),
		Levels: atBar(m, "pm"),
		Goals: []skills.Goal{
			{Text: "Write the two-page strategy", Skills: []string{"product-strategy"}, Due: day("2027-01-20")},
			{Text: "Run a launch review for every release", Skills: []string{"outcome-focus"}, Due: day("2026-12-15"), Dropped: day("2026-11-18")},
		}}
	h := commitOf("c1", "2026-05-12", "Sam Lee", "First assessments", nil, atBar(m, "pm"))
	pl := buildWith(t, p, map[string][]skills.Change{"chloe": person(h, "chloe")})
	got := []string{strings.Join(pl.Progress.Goals, "; "), strings.Join(pl.Progress.Dropped, "; ")}
	want := []string{"Write the two-page strategy", "Run a launch review for every release"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("added, dropped (-want +got):\n%s", diff)
	}
}
