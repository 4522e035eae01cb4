package plans

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/coach-dev/coach/skills"
)

// Cold read 10, finding 1: evidence that already records part of the next
// level's rubric is weighed: the focus's why names it and what is not shown
// yet, the goal's evidence asks for the rest, and the disagreement's
// question asks about the rest, never as if nothing showed it.
func TestCR10EvidenceShowsPartOfNextLevel(t *testing.T) {
	m := matrix(t)
	p := &skills.Person{ID: "ravi", Name: "Ravi Kumar", Role: "senior-pm", Target: "gpm", Manager: "mia", Assessed: day("2026-11-10"),
		Levels: with(atBar(m, "senior-pm"), map[string]int{"negotiation": 2}),
		Self:   map[string]int{"negotiation": 3},
		Goals:  []skills.Goal{{Text: "Lead the partner pricing launch end to end", Skills: []string{"negotiation"}, Due: day("2027-03-31")}},
		Evidence: []skills.Evidence{
			{Date: day("2026-11-03"), Skill: "negotiation", Text: "Agreed the partner launch scope with Marketing without escalation"},
		}}
	pl := build(t, p)
	var f *Focus
	for i := range pl.Focus {
		if pl.Focus[i].ID == "negotiation" {
			f = &pl.Focus[i]
		}
	}
	if f == nil {
		t.Fatalf("negotiation is no focus: %+v", pl.Focus)
	}
	wantWhy := `you and your manager chose it as a focus together; at 2 Practising you are below the 3 Proficient the Senior Product Manager job asks for today, so it comes first; your goal "Lead the partner pricing launch end to end" depends on it, due 2027-03-31; you rate yourself 3, above your manager's 2; your evidence of 2026-11-03 ("Agreed the partner launch scope with Marketing without escalation") already shows part of what 3 Proficient asks, but not yet "prepares every important negotiation: each side's interests, their own walk-away point and two or three options"`
	p.Focus = []string{"negotiation"}
	pl = build(t, p)
	f = &pl.Focus[0]
	if diff := cmp.Diff(wantWhy, f.Why); diff != "" {
		t.Errorf("why (-want +got):\n%s", diff)
	}
	wantEv := `The goal done by 2027-03-31, with the people it involved able to point to where you did what 3 Proficient asks beyond your evidence of 2026-11-03: "prepares every important negotiation: each side's interests, their own walk-away point and two or three options".`
	if diff := cmp.Diff(wantEv, f.Actions[0].Evidence); diff != "" {
		t.Errorf("goal's evidence (-want +got):\n%s", diff)
	}
	var q string
	for _, c := range pl.Conversations {
		if c.ID == "negotiation" {
			q = c.Question
		}
	}
	wantQ := `You rate your negotiation and trade-offs at 3 and your manager sees 2. 'Agreed the partner launch scope with Marketing without escalation' already shows part of 3: where have you also shown "prepares every important negotiation: each side's interests, their own walk-away point and two or three options", and who saw it?`
	if diff := cmp.Diff(wantQ, q); diff != "" {
		t.Errorf("question (-want +got):\n%s", diff)
	}

	// Without that entry, the rubric's last clause is asked for as before.
	p.Evidence = []skills.Evidence{{Date: day("2026-11-03"), Skill: "negotiation", Text: "Negotiated the sprint scope with engineering"}}
	pl = build(t, p)
	wantEv = `The goal done by 2027-03-31, with the people it involved able to point to where you did what 3 Proficient asks: "agrees scope with sales or marketing without escalation".`
	if diff := cmp.Diff(wantEv, pl.Focus[0].Actions[0].Evidence); diff != "" {
		t.Errorf("goal's evidence, nothing shown (-want +got):\n%s", diff)
	}
}
