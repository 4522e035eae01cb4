package plans

import (
	"testing"

	"github.com/coach-dev/coach/skills"
	"github.com/google/go-cmp/cmp"
)

func TestVerdictOf(t *testing.T) {
	m := matrix(t)
	assessed, start := day("2026-11-10"), day("2026-05-04")
	tests := []struct {
		name   string
		person skills.Person
		want   Verdict
	}{
		{name: "at the target's bar everywhere",
			person: skills.Person{Role: "senior-pm", Levels: atBar(m, "gpm")},
			want:   Verdict{Kind: "ready-now", Text: "ready now"}},
		{name: "two skills unassessed is still ready",
			person: skills.Person{Role: "senior-pm", Levels: with(atBar(m, "gpm"), map[string]int{"hiring": 0, "coaching": 0})},
			want:   Verdict{Kind: "ready-now", Text: "ready now"}},
		{name: "three unassessed is ready soon",
			person: skills.Person{Role: "senior-pm", Levels: with(atBar(m, "gpm"), map[string]int{"hiring": 0, "coaching": 0, "feedback": 0})},
			want:   Verdict{Kind: "ready-soon", Text: "ready in 6-12 months"}},
		{name: "a few levels short of the target",
			person: skills.Person{Role: "senior-pm", Levels: with(atBar(m, "gpm"), map[string]int{"coaching": 2, "delegation": 2})},
			want:   Verdict{Kind: "ready-soon", Text: "ready in 6-12 months"}},
		{name: "below the current bar",
			person: skills.Person{Role: "senior-pm", Levels: with(atBar(m, "gpm"), map[string]int{"communication": 2})},
			want:   Verdict{Kind: "not-yet", Text: "not yet: below the current bar on 1 skill"}},
		{name: "more than 6 levels to close",
			person: skills.Person{Role: "senior-pm", Levels: atBar(m, "senior-pm")},
			want:   Verdict{Kind: "not-yet", Text: "not yet: 16 levels to close"}},
		{name: "fewer than half the skills assessed",
			person: skills.Person{Role: "pm", Levels: map[string]int{"communication": 2, "negotiation": 2}},
			want:   Verdict{Kind: "onboarding", Text: "onboarding"}},
		{name: "joined within 90 days of the assessment",
			person: skills.Person{Role: "senior-pm", Levels: atBar(m, "gpm"), Joined: day("2026-09-01")},
			want:   Verdict{Kind: "onboarding", Text: "onboarding"}},
		{name: "a new plan period is not a new hire",
			person: skills.Person{Role: "senior-pm", Levels: atBar(m, "gpm"), PlanStart: day("2026-09-01"), Joined: day("2025-01-06")},
			want:   Verdict{Kind: "ready-now", Text: "ready now"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.person
			p.ID, p.Name, p.Path, p.Assessed = "p", "P", "skills/p.toml", assessed
			if p.PlanStart.IsZero() {
				p.PlanStart = start
			}
			pl, err := Build(Input{Matrix: m, Config: skills.DefaultConfig(), Person: &p, Team: []*skills.Person{&p}})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, pl.Verdict); diff != "" {
				t.Errorf("verdict (-want +got):\n%s", diff)
			}
			if (pl.Onboarding != nil) != (tt.want.Kind == "onboarding") {
				t.Errorf("onboarding plan %v for verdict %s", pl.Onboarding != nil, pl.Verdict.Kind)
			}
		})
	}
}

// The first screen's dates come from the skill file's dates only.
func TestPlanDates(t *testing.T) {
	m := matrix(t)
	p := &skills.Person{ID: "p", Name: "Pat Doe", Path: "skills/p.toml", Role: "senior-pm", Levels: atBar(m, "senior-pm"),
		Assessed: day("2026-11-10"), PlanStart: day("2026-05-04")}
	cfg := skills.DefaultConfig()
	cfg.Review.Months = 6
	pl, _ := Build(Input{Matrix: m, Config: cfg, Person: p, Team: []*skills.Person{p}})
	var got []string
	for _, ms := range pl.Milestones {
		got = append(got, ms.Date)
	}
	if diff := cmp.Diff([]string{"2026-12-10", "2027-01-09", "2027-02-08"}, got); diff != "" {
		t.Errorf("milestones (-want +got):\n%s", diff)
	}
	if pl.NextReview != "2027-05-10" || pl.Start != "2026-11-10" {
		t.Errorf("next review %s, start %s", pl.NextReview, pl.Start)
	}
	// A plan period that starts after the assessment dates the milestones.
	p.PlanStart = day("2026-12-01")
	pl, _ = Build(Input{Matrix: m, Config: cfg, Person: p, Team: []*skills.Person{p}})
	if pl.Start != "2026-12-01" || pl.Milestones[0].Date != "2026-12-31" {
		t.Errorf("start %s, first milestone %+v", pl.Start, pl.Milestones[0])
	}
	if len(pl.Commitments) == 0 {
		t.Error("no commitment from the manager")
	}
}
