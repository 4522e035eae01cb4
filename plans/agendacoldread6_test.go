package plans

import (
	"strings"
	"testing"

	"github.com/coach-dev/coach/skills"
)

// The agenda findings of cold read 6, each as the exact sentence an
// agenda now says (or no longer says).

// TestEvidenceSayingUpFromIsNoLevelMoved: evidence or a goal's outcome
// whose own words say "up from" is no level that moved: the prep praises
// only a level's change (finding 3, where the two were joined into one
// garbled line).
func TestEvidenceSayingUpFromIsNoLevelMoved(t *testing.T) {
	p := pm(t)
	hist := append(firstAssessment(t, day("2026-01-12")), []skills.Change{
		{Commit: "e", Date: day("2026-11-12"), Kind: skills.KindEvidence, Skill: "outcome-focus", Text: "Search success rate up from 61% to 66% since July", On: day("2026-11-12")},
		{Commit: "g", Date: day("2026-11-16"), Kind: skills.KindOutcome, To: skills.GoalDone, On: day("2026-11-10"), Text: "Ship the new search ranking", From: "search success rate up from 61% to 66%"},
	}...)
	a := agendaFor(t, p, hist, "2026-W47", nil)
	for _, l := range a.Prep {
		if strings.Contains(l, "moved up") || strings.Contains(l, "“Search success rate") {
			t.Errorf("prep reads evidence as a level: %q", l)
		}
	}
	hist = append(hist, skills.Change{Commit: "l", Date: day("2026-11-13"), Kind: skills.KindLevel, Skill: "outcome-focus", From: "2", To: "3"})
	a = agendaFor(t, p, hist, "2026-W47", nil)
	if want := "Outcomes and metrics moved up: tell Pat what you saw that earned it."; !contains(a.Prep, want) {
		t.Errorf("prep %q\nwant %q", a.Prep, want)
	}
}

// TestSinceLastTimeInsideItsWindowInDateOrder: "Since last time" lists
// only what is dated inside its window, oldest first, whatever the order
// it was written down in (finding 12).
func TestSinceLastTimeInsideItsWindowInDateOrder(t *testing.T) {
	p := pm(t)
	ev := func(commit, on, skill, text string) skills.Change {
		return skills.Change{Commit: commit, Date: day("2026-11-16"), Kind: skills.KindEvidence, Skill: skill, Text: text, On: day(on)}
	}
	hist := []skills.Change{
		ev("a", "2026-11-12", "communication", "Finance reads the numbers at the monthly review"),
		ev("b", "2026-10-28", "collaboration", "Agreed the launch plan with Data and Support"),
		ev("c", "2026-07-22", "data", "Redesigned the experiment guardrails"),
		ev("d", "2026-11-04", "decisions", "Cut personalised search and wrote down why"),
		{Commit: "e", Date: day("2026-11-16"), Kind: skills.KindOutcome, To: skills.GoalDone, On: day("2026-10-07"), Text: "Ship the new search ranking"},
	}
	a := agendaFor(t, p, hist, "2026-W47", nil)
	var got []string
	for _, c := range a.Changes {
		got = append(got, c.When)
	}
	if want := "28 October, 4 November, 12 November"; strings.Join(got, ", ") != want {
		t.Errorf("since %s: %q, want %q", a.SinceDay, got, want)
	}
}

// TestStalledFocusNotWhenNewOrAtTheBar: the prep says no focus skill
// moved neither when the target role was set within the review cycle nor
// when every focus skill is at the target's bar (finding 6).
func TestStalledFocusNotWhenNewOrAtTheBar(t *testing.T) {
	m := matrix(t)
	stalled := func(a *Agenda) bool {
		for _, l := range a.Prep {
			if strings.Contains(l, "focus skill") {
				return true
			}
		}
		return false
	}
	p := stalledPerson(m, "to", "To Ruiz", "senior-pm", "")
	if a := stalledAgenda(t, p, nil); !stalled(a) {
		t.Fatalf("a stalled plan period unsaid: %q", a.Prep)
	}
	target := skills.Change{Person: "to", Commit: "t", Date: day("2026-11-18"), Kind: skills.KindTarget, From: "gpm", To: "senior-pm"}
	if a := stalledAgenda(t, p, nil, target); stalled(a) {
		t.Errorf("a target set on 18 November is called stalled: %q", a.Prep)
	}
	p = stalledPerson(m, "to", "To Ruiz", "senior-pm", "")
	p.Levels = atBar(m, "gpm")
	p.Target = "gpm"
	p.Focus = []string{"communication"}
	if a := stalledAgenda(t, p, nil); stalled(a) {
		t.Errorf("someone at the target's bar is called stalled: %q", a.Prep)
	}
}

// TestReentryAgendaAsksNoNewBar: back from leave, the focus below the
// bar is not restated as a level wanted by the review (finding 22).
func TestReentryAgendaAsksNoNewBar(t *testing.T) {
	p := pm(t)
	p.Evidence = []skills.Evidence{{Date: day("2026-10-19"), Skill: "communication", Text: "Back from six months of parental leave; met every lead in two weeks"}}
	hist := firstAssessment(t, day("2026-01-12"))
	for _, ws := range []string{"2026-W47", "2026-W48"} {
		var prev *PreviousAgenda
		if ws == "2026-W48" {
			prev = prevAt(t, "2026-W47", 1)
			prev.Focus, prev.FocusWeek = "Negotiation and trade-offs", 1
		}
		a := agendaFor(t, p, hist, ws, prev)
		if a.Focus == nil || !a.Focus.Reentry {
			t.Fatalf("%s: focus %+v, want re-entry", ws, a.Focus)
		}
		want := ""
		if a.Focus.Of == 1 {
			want = "Nothing new is asked of you in negotiation and trade-offs before our review on " + longDate(day("2027-01-27"), day("2026-11-17")) + ": getting back into the work comes first."
		}
		if strings.Contains(a.Focus.Bar, "asks for") || strings.Contains(a.Focus.Bar, "we want") {
			t.Errorf("%s: %q restates the bar", ws, a.Focus.Bar)
		}
		if a.Focus.Of == 1 && !strings.HasPrefix(a.Focus.Bar, "Nothing new is asked of you in negotiation and trade-offs before our review on ") || a.Focus.Of > 1 && a.Focus.Bar != want {
			t.Errorf("%s: bar %q", ws, a.Focus.Bar)
		}
	}
}

// TestEvidenceLineIsTheGoalsOwn: what would show a goal's first step is
// that step's own result, different for different goals, and for an
// open-ended step the next level it is a step towards (finding 19).
func TestEvidenceLineIsTheGoalsOwn(t *testing.T) {
	f := Focus{SkillRef: SkillRef{ID: "delegation", Name: "Delegation and team performance"}, Level: LevelText{Value: 2}, Next: LevelText{Value: 3, Name: "Proficient"}}
	today := day("2026-11-19")
	for _, tt := range []struct{ goal, due, want string }{
		{"Move the search success rate from 61% to 68% by the end of the year", "2026-12-31",
			"Where the search success rate stands today, what moved it last, and the lever you picked."},
		{"Present the 2027 checkout roadmap to the leadership team", "2027-01-15",
			"What the person you tested it on repeated back, and what you cut because of it."},
		{"Hand sprint planning to Chloe", "2027-01-15",
			"What Chloe decided without you, and what you did not step into."},
		{"Take over the weekly release review", "2027-01-15",
			"The three decisions you will make yourself, agreed with the person handing it over."},
		{"Improve the partner onboarding", "2027-02-15",
			"What the step changed in the partner onboarding, and what of 3 Proficient in delegation and team performance it showed."},
	} {
		g := skills.Goal{Text: tt.goal, Due: day(tt.due), Skills: []string{"delegation"}}
		if got := goalShows(g, f, today); got != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.goal, got, tt.want)
		}
	}
}
