package plans

import (
	"slices"
	"strings"
	"testing"

	"github.com/coach-dev/coach/skills"
	"github.com/google/go-cmp/cmp"
)

// The rules a VP's cold read asked of a plan's verdict, readiness,
// strengths and voice (issue 20, COLDREAD findings 1, 2, 3, 10, 11 and
// one-offs), one table row a rule. Every name comes from the person's own
// file; none is the example's.

func build(t *testing.T, p *skills.Person, team ...*skills.Person) *Plan {
	t.Helper()
	if p.Path == "" {
		p.Path = "skills/" + p.ID + ".toml"
	}
	pl, err := Build(Input{Matrix: matrix(t), Config: skills.DefaultConfig(), Person: p, Team: append([]*skills.Person{p}, team...)})
	if err != nil {
		t.Fatal(err)
	}
	return pl
}

// Finding 2: no "meets the bar" claim, no below flag framed as a gap and
// no self-rating gap while too few skills have a level, or for a new hire.
func TestTooEarlyIsTooEarlyEverywhere(t *testing.T) {
	m := matrix(t)
	tests := []struct {
		name   string
		person skills.Person
		kind   string
	}{
		{name: "three of 24 assessed",
			person: skills.Person{Role: "apm", Levels: map[string]int{"communication": 2, "customer-insight": 2, "negotiation": 1},
				Self: map[string]int{"negotiation": 3}},
			kind: "not-yet"},
		{name: "a new hire, every skill assessed",
			person: skills.Person{Role: "pm", Levels: with(atBar(m, "pm"), map[string]int{"negotiation": 1}), Joined: day("2026-10-12"),
				Self: map[string]int{"negotiation": 3}},
			kind: "onboarding"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.person
			p.ID, p.Name, p.Assessed = "p", "Pat Doe", day("2026-11-20")
			pl := build(t, &p)
			if pl.Verdict.Kind != tt.kind || !strings.Contains(pl.Verdict.Text+" "+pl.Verdict.Why, "too early to judge") {
				t.Errorf("verdict %+v", pl.Verdict)
			}
			if pl.Ready || pl.Stretch != nil {
				t.Errorf("ready %v, stretch %+v: a bar claimed on too few levels", pl.Ready, pl.Stretch)
			}
			for _, s := range pl.Skills {
				if s.Standing == Below || s.Standing == Meets || s.Standing == Exceeds {
					t.Errorf("%s judged %q", s.ID, s.Standing)
				}
			}
			if pl.Conversations != nil {
				t.Errorf("self-rating gap raised: %+v", pl.Conversations)
			}
			for _, e := range pl.VerdictEvidence {
				if strings.Contains(e, "Below") || strings.Contains(e, "Short of") {
					t.Errorf("gap flagged: %q", e)
				}
			}
		})
	}
}

// Finding 2: a new hire's milestone already past is not a dated milestone:
// what is still open of it is carried, undated.
func TestOnboardingMilestonesNeverPastDated(t *testing.T) {
	m := matrix(t)
	p := &skills.Person{ID: "n", Name: "Noor Ali", Role: "pm", Levels: atBar(m, "pm"), Joined: day("2026-10-12"), Assessed: day("2026-11-20")}
	pl := build(t, p)
	var got []string
	for _, ms := range pl.Milestones {
		if ms.Date != "" && ms.Date <= pl.Today.Date {
			t.Errorf("milestone dated %s, before the plan's today %s", ms.Date, pl.Today.Date)
		}
		got = append(got, ms.Label+"|"+ms.Date)
	}
	if diff := cmp.Diff([]string{"The first 30 days, to tick off|", "|2026-12-11", "|2027-01-10"}, got); diff != "" {
		t.Errorf("milestones (-want +got):\n%s", diff)
	}
}

// Finding 3: someone below their current role's bar gets no next-role
// line; the plan says what must change by the review, from their own goals
// and setbacks, quotes no third-person note, and says what happens if it
// does not move only when the gap is serious.
func TestBelowTheCurrentBar(t *testing.T) {
	m := matrix(t)
	mgr := &skills.Person{ID: "d", Name: "Dee Moss", Role: "director", Levels: atBar(m, "director")}
	p := &skills.Person{ID: "g", Name: "Gus Hale", Role: "gpm", Manager: "d", Assessed: day("2026-11-16"),
		Levels: with(atBar(m, "gpm"), map[string]int{"delegation": 2, "team-health": 2}),
		Goals: []skills.Goal{
			{Text: "Hand the weekly review to a PM", Skills: []string{"delegation"}, Due: day("2026-10-30")},
			{Text: "Bring engagement back to 72", Skills: []string{"team-health"}, Due: day("2027-03-26")},
		},
		Evidence: []skills.Evidence{
			{Date: day("2026-11-13"), Skill: "delegation", Text: "Still reviews every PRD line by line; specs wait for his sign-off"},
			{Date: day("2026-08-21"), Skill: "team-health", Text: "Engagement fell 9 points; two engineers asked to move teams"},
		}}
	pl := build(t, p, mgr)
	if strings.Contains(pl.Verdict.Why, "Director") || strings.Contains(pl.Verdict.Why, "months") {
		t.Errorf("next-role line: %q", pl.Verdict.Why)
	}
	want := []string{
		`Delegation and team performance: "Hand the weekly review to a PM" done, not only given a new date: it was due on 2026-10-30; and the habit the note of 2026-11-13 describes turned round, as the people it affects tell it.`,
		`Team health and engagement: "Bring engagement back to 72" visibly on its way, with a first result to show (it is due 2027-03-26); and the measure the note of 2026-08-21 gives ("Engagement fell 9 points") moving back at its next reading.`,
	}
	if diff := cmp.Diff(want, pl.MustChange); diff != "" {
		t.Errorf("must change (-want +got):\n%s", diff)
	}
	if !pl.Concern || pl.ManagerCall != "Dee" {
		t.Errorf("concern %v, manager called %q", pl.Concern, pl.ManagerCall)
	}
	for _, f := range pl.Focus {
		for _, e := range f.Evidence {
			if strings.Contains(e, "his sign-off") {
				t.Errorf("a third-person note quoted to the person: %q", e)
			}
		}
	}
	if want := "Still reviews every PRD line by line; specs wait for your sign-off"; !slices.ContainsFunc(pl.Focus, func(f Focus) bool {
		return slices.Contains(f.Evidence, "2026-11-13: "+want)
	}) {
		t.Errorf("the note of 2026-11-13 not said to the person as %q: %+v", want, pl.Focus)
	}
	p.Name = "Gus Hale"
	if got := spoken("Gus signs off every spec himself", p, "Dee"); got != "a note from Dee, in your skill file: talk it through with Dee at the next 1:1" {
		t.Errorf("a note naming the person: %q", got)
	}
	if got := spoken("Back from leave; met each of her managers in her first two weeks, and she is on track", p, "Dee"); got != "Back from leave; met each of your managers in your first two weeks, and you are on track" {
		t.Errorf("said to the person: %q", got)
	}
	for _, e := range pl.VerdictEvidence {
		if strings.Contains(e, "Director") {
			t.Errorf("the next role's gaps told to someone below their own bar: %q", e)
		}
	}
	// One gap and no setback is not a concern about fit.
	p.Levels, p.Evidence = with(atBar(m, "gpm"), map[string]int{"delegation": 2}), nil
	if pl := build(t, p, mgr); pl.Concern || len(pl.MustChange) != 1 {
		t.Errorf("one gap: concern %v, must change %q", pl.Concern, pl.MustChange)
	}
}

// Finding 3: a third-person note is pointed to by date, never quoted in a
// plan that speaks to "you"; a pronoun after someone else's name is theirs.
func TestThirdPerson(t *testing.T) {
	for text, want := range map[string]bool{
		"Still reviews every PRD line by line; specs wait for his sign-off": true,
		"Gus ran the review":                                    true,
		"Mentored Ivy through her first launch":                 false,
		"Shipped the redesign on the date promised":             false,
		"She presented the roadmap to the board":                true,
		"Gave Lena the roadmap, but still rewrites her updates": false,
	} {
		if got := ThirdPerson(text, "Gus"); got != want {
			t.Errorf("ThirdPerson(%q) = %v, want %v", text, got, want)
		}
	}
}

// Finding 3: a level lowered after a leave is re-entry in readiness; a
// level lowered with no evidence is flagged as such.
func TestReentryAndUnbackedLowering(t *testing.T) {
	m := matrix(t)
	p := &skills.Person{ID: "r", Name: "Rae Lund", Role: "director", Assessed: day("2026-11-03"),
		Levels:   with(atBar(m, "director"), map[string]int{"market-knowledge": 3}),
		Evidence: []skills.Evidence{{Date: day("2026-10-19"), Skill: "communication", Text: "Back from six months of parental leave"}}}
	pl := build(t, p)
	if len(pl.BelowRole()) != 0 || len(pl.ReentryGaps()) != 1 || pl.MustChange != nil {
		t.Errorf("below %v, re-entry %v, must change %q", pl.BelowRole(), pl.ReentryGaps(), pl.MustChange)
	}
	i := slices.IndexFunc(pl.Skills, func(s SkillRow) bool { return s.ID == "market-knowledge" })
	if pl.Skills[i].Standing != Reentry {
		t.Errorf("standing %q", pl.Skills[i].Standing)
	}
	if pl.VerdictEvidence[0] != "To re-assess together at the calibration, not counted as a gap: Industry and market knowledge (3, bar 4)." {
		t.Errorf("evidence %q", pl.VerdictEvidence)
	}
	// Not held against the person: the verdict is judged without it and
	// says nothing of the leave; the target's gaps leave it out.
	if strings.Contains(pl.Verdict.Why, "leave") || strings.Contains(pl.Verdict.Text, "re-entry") || strings.Contains(pl.VerdictEvidence[1], "Industry") {
		t.Errorf("verdict %+v, evidence %q", pl.Verdict, pl.VerdictEvidence)
	}
	// One count everywhere (cold read 9, finding 10): the review counts
	// what the plan's Readiness section counts; the skill to re-assess is
	// out of the gaps, not counted as at the bar.
	if rd := pl.CountedReadiness(); rd.Met != pl.Readiness.Met || rd.Gap != pl.Readiness.Gap || len(rd.Below) != len(pl.Readiness.Below)-1 {
		t.Errorf("counted readiness %+v, plan's %+v", rd, pl.Readiness)
	}
	// No new scope on re-entry: no stretch towards the next role.
	for _, f := range pl.Focus {
		if !f.BelowRole && len(f.Goals) == 0 {
			t.Errorf("a stretch focus on re-entry: %s (%s)", f.ID, f.Why)
		}
	}
	// Held scope is offered, to agree with the person, not imposed.
	if !slices.Contains(pl.Commitments, "An offer, to agree with you at the next 1:1: no new scope before the next review unless you want it.") {
		t.Errorf("commitments %q", pl.Commitments)
	}
	if pl.FocusNote != "The focus is your own goals: whether to take on anything new before the next review is yours to agree with your manager." {
		t.Errorf("focus note %q", pl.FocusNote)
	}

	history := commitOf("c1", "2026-08-24", "Dee", "Assessment", nil, atBar(m, "gpm"))
	q := &skills.Person{ID: "g", Name: "Gus Hale", Role: "gpm", Assessed: day("2026-11-16"), PlanStart: day("2026-09-01"),
		Levels: with(atBar(m, "gpm"), map[string]int{"coaching": 2})}
	ql, err := Build(Input{Matrix: m, Config: skills.DefaultConfig(), Person: q, Team: []*skills.Person{q}, History: history})
	if err != nil {
		t.Fatal(err)
	}
	if len(ql.Progress.Moves) != 1 || !ql.Progress.Moves[0].Unbacked {
		t.Errorf("moves %+v, want coaching lowered and flagged unbacked", ql.Progress.Moves)
	}
	q.Evidence = []skills.Evidence{{Date: day("2026-10-01"), Skill: "coaching", Text: "Skipped three 1:1s in a row"}}
	ql, _ = Build(Input{Matrix: m, Config: skills.DefaultConfig(), Person: q, Team: []*skills.Person{q}, History: history})
	if ql.Progress.Moves[0].Unbacked {
		t.Errorf("a lowering with evidence flagged unbacked")
	}
}

// Finding 10: a strength is earned (the rule's order and its fill on the
// rating alone are TestCR7EarnedStrengths'): at most three, never a focus
// skill, which is worked on, not leaned on; a new hire has none.
func TestStrengthsAreEarned(t *testing.T) {
	m := matrix(t)
	ev := func(skill string) skills.Evidence {
		return skills.Evidence{Date: day("2026-10-01"), Skill: skill, Text: "Did the " + skill + " work the team adopted"}
	}
	high := with(atBar(m, "pm"), map[string]int{"customer-insight": 4, "technical-fluency": 5, "execution-delivery": 4, "ux-discovery": 4, "data-experimentation": 4})
	tests := []struct {
		name   string
		person skills.Person
		want   []string
	}{
		{name: "at most three", person: skills.Person{Levels: high, Evidence: []skills.Evidence{ev("customer-insight"), ev("technical-fluency"), ev("execution-delivery"), ev("ux-discovery")}},
			want: []string{"customer-insight", "technical-fluency", "ux-discovery"}}, // execution-delivery is a focus skill: worked on, not leaned on
		{name: "a new hire has none", person: skills.Person{Levels: high, Joined: day("2026-10-12"), Evidence: []skills.Evidence{ev("customer-insight")}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.person
			p.ID, p.Name, p.Role, p.Assessed = "p", "Pat Doe", "pm", day("2026-11-20")
			var got []string
			for _, s := range build(t, &p).Strengths {
				got = append(got, s.ID)
			}
			slices.Sort(got)
			want := slices.Clone(tt.want)
			slices.Sort(want)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("strengths (-want +got):\n%s", diff)
			}
		})
	}
}

// Finding 11: one voice, no ids; two people of one first name are named
// in full; an individual-contributor target is stated, never called a
// choice the file does not record.
func TestNamesAndVoice(t *testing.T) {
	m := matrix(t)
	mgr := &skills.Person{ID: "sl", Name: "Sam Lee", Role: "gpm", Levels: atBar(m, "gpm")}
	p := &skills.Person{ID: "sp", Name: "Sam Park", Role: "pm", Manager: "sl", Levels: atBar(m, "pm"), Assessed: day("2026-11-20"),
		Goals: []skills.Goal{{Text: "Ship the status page", Skills: []string{"execution-delivery"}, Due: day("2027-01-29")}}}
	pl := build(t, p, mgr)
	if pl.ManagerCall != "Sam Lee" {
		t.Errorf("manager called %q", pl.ManagerCall)
	}
	for _, c := range pl.Commitments {
		if strings.Contains(c, "Sam ") && !strings.Contains(c, "Sam Park") && !strings.Contains(c, "Sam Lee") {
			t.Errorf("a shared first name alone: %q", c)
		}
	}
	ic := &skills.Person{ID: "r", Name: "Rai Oto", Role: "senior-pm", Target: "principal-pm", Levels: atBar(m, "senior-pm"), Assessed: day("2026-11-20")}
	if pl := build(t, ic); pl.ICTrack != "Group Product Manager" || !strings.Contains(pl.Verdict.Why, "Your target is Principal Product Manager, on the individual-contributor path rather than Group Product Manager, which manages people") || strings.Contains(pl.Verdict.Why, "chose") {
		t.Errorf("IC track %q, verdict %q", pl.ICTrack, pl.Verdict.Why)
	}
}
