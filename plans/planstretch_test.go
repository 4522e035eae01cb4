package plans

import (
	"slices"
	"strings"
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

// focusOf is the focus of pl on skill id, nil when it is none.
func focusOf(pl *Plan, id string) *Focus {
	for i := range pl.Focus {
		if pl.Focus[i].ID == id {
			return &pl.Focus[i]
		}
	}
	return nil
}

// A re-baseline nobody calibrated holds the verdict, and the stretch with
// it: the focus is the person's own goals and any skill short of the bar,
// said in one plain sentence; no step past the bar, no milestone for one.
func TestHeldLevelsHoldNoStretch(t *testing.T) {
	m := matrix(t)
	rebased, history := patStrongRebased(m)
	rebased = with(rebased, map[string]int{"negotiation": 2})
	pat := &skills.Person{ID: "pat", Name: "Pat Doe", Path: "skills/pat.toml", Role: "pm", Manager: "lee", Levels: rebased,
		Assessed: day("2026-11-18"), PlanStart: day("2026-09-01"),
		// The lower level rests on an example: it counts.
		Evidence: []skills.Evidence{{Date: day("2026-11-10"), Skill: "negotiation", Text: "Gave the vendor the discount before asking for anything back"}},
		Goals:    []skills.Goal{{Text: "Write the returns strategy and take it through Q1 planning", Skills: []string{"product-strategy"}, Due: day("2027-01-20")}}}
	lee := &skills.Person{ID: "lee", Name: "Lee Park", Path: "skills/lee.toml", Role: "gpm", Manager: "robin", Levels: atBar(m, "gpm")}
	robin := &skills.Person{ID: "robin", Name: "Robin Hart", Path: "skills/robin.toml", Role: "director", Levels: atBar(m, "director")}
	pl, err := Build(Input{Matrix: m, Config: skills.DefaultConfig(), Person: pat, Team: []*skills.Person{pat, lee, robin}, History: history})
	if err != nil {
		t.Fatal(err)
	}
	if pl.Verdict.Kind != "held" {
		t.Fatalf("verdict = %+v, want held", pl.Verdict)
	}
	f := focusOf(pl, "product-strategy")
	if f == nil {
		t.Fatalf("the goal's skill is no focus: %+v", pl.Focus)
	}
	if want := "3 Proficient, at the bar on a level not yet calibrated"; f.Step() != want {
		t.Errorf("step = %q, want %q", f.Step(), want)
	}
	if f.StretchPast != "" || f.Next.Value != f.Level.Value || len(f.Actions) != 1 {
		t.Errorf("a stretch on held levels: next %d, past %q, actions %+v", f.Next.Value, f.StretchPast, f.Actions)
	}
	want := "Nothing past the Senior Product Manager bar is planned until the calibration settles your levels: until then, the focus is your own goal and the skill still short of the bar."
	if !strings.HasPrefix(pl.FocusNote, want) {
		t.Errorf("focus note = %q, want it to open with %q", pl.FocusNote, want)
	}
	for _, ms := range pl.Milestones {
		if strings.Contains(ms.Text, "stretch") {
			t.Errorf("milestone plans a stretch on held levels: %q", ms.Text)
		}
	}
}

// Someone at the target's bar everywhere, on calibrated levels, gets the
// promotion case (the evidence, who makes it, when), not a stretch past
// the bar; and no stretch is ever to the top of the scale, nor to a level
// only a role two past the target works at.
func TestAtTheBarThePromotionCaseNotAStretch(t *testing.T) {
	m := matrix(t)
	p := &skills.Person{ID: "kim", Name: "Kim Lund", Role: "pm", Manager: "lee", Assessed: day("2026-11-16"), PlanStart: day("2026-06-01"),
		Levels: atBar(m, "senior-pm"),
		Goals: []skills.Goal{
			{Text: "Move the returns success rate from 40% to 50%", Skills: []string{"outcome-focus"}, Due: day("2026-12-31")},
			{Text: "Present the returns roadmap to the leadership team", Skills: []string{"communication"}, Due: day("2027-02-15")},
		}}
	lee := &skills.Person{ID: "lee", Name: "Lee Park", Path: "skills/lee.toml", Role: "gpm", Manager: "robin", Levels: atBar(m, "gpm")}
	robin := &skills.Person{ID: "robin", Name: "Robin Hart", Path: "skills/robin.toml", Role: "director", Levels: atBar(m, "director")}
	pl := build(t, p, lee, robin)
	if pl.Verdict.Kind != "ready-now" {
		t.Fatalf("verdict = %+v, want ready-now", pl.Verdict)
	}
	for _, f := range pl.Focus {
		if f.StretchPast != "" || f.Next.Value > f.Level.Value {
			t.Errorf("%s: a stretch for someone at the bar everywhere: %q", f.ID, f.Step())
		}
	}
	want := `The focus below is your promotion case, not a level beyond the bar. Its evidence: your goal "Move the returns success rate from 40% to 50%" reaching its number by 2026-12-31; your goal "Present the returns roadmap to the leadership team" given by 2027-02-15, and what the leadership team decided on the back of it. Lee makes the case at the next promotion round.`
	if got := pl.CaseNote(); got != want {
		t.Errorf("case note:\n got %q\nwant %q", got, want)
	}

	// Not at the bar everywhere: a stretch is only ever the bar of the
	// role just past the target, and never the top of the scale.
	for _, target := range m.Roles {
		for i := range m.Skills {
			s := &m.Skills[i]
			for lvl := 1; lvl <= m.MaxLevel(); lvl++ {
				n, works := stretch(m, candidate{skill: s}, &target, lvl)
				if n == 0 {
					continue
				}
				if n >= m.MaxLevel() || works != nil && works.ID != target.Next || works == nil && target.Next != "" {
					t.Errorf("%s at %d for %s: a stretch to %d, what %v works at", s.ID, lvl, target.ID, n, works)
				}
			}
		}
	}
}

// A focus's "Why" gives two or three reasons, the most specific first: the
// person's own goal or evidence, quoted, then the bar, then their own
// rating; never every rule that fired.
func TestWhyIsTwoOrThreeReasonsMostSpecificFirst(t *testing.T) {
	m := matrix(t)
	p := &skills.Person{ID: "kim", Name: "Kim Lund", Role: "pm", Assessed: day("2026-11-18"), PlanStart: day("2026-09-01"),
		Focus:  []string{"negotiation"},
		Levels: with(atBar(m, "pm"), map[string]int{"negotiation": 1}),
		Self:   map[string]int{"negotiation": 3},
		Goals:  []skills.Goal{{Text: "Agree the returns-flow scope with Support", Skills: []string{"negotiation"}, Due: day("2027-01-31")}},
		Evidence: []skills.Evidence{
			{Date: day("2026-11-10"), Skill: "negotiation", Text: "Missed the walk-away point in the courier renewal"},
		}}
	p.Aspiration = &skills.Aspiration{Grow: []string{"negotiation"}}
	pl := build(t, p)
	f := focusOf(pl, "negotiation")
	if f == nil {
		t.Fatalf("no negotiation focus: %+v", pl.Focus)
	}
	if len(f.Reasons) <= maxWhy {
		t.Fatalf("want more reasons than the why gives, got %q", f.Reasons)
	}
	want := `your goal "Agree the returns-flow scope with Support" depends on it, due 2027-01-31; the latest evidence, of 2026-11-10, shows a setback: "Missed the walk-away point in the courier renewal"; at 1 Aware you are below the 2 Practising the Product Manager job asks for today, so it comes first`
	if f.Why != want {
		t.Errorf("why:\n got %q\nwant %q", f.Why, want)
	}
}

// The manager's backing fits the work each goal is, and the case a held
// verdict waits on is said for the goal it rests on: two plans read side
// by side never share the sentence.
func TestBackingAndCaseFitTheGoal(t *testing.T) {
	for _, tt := range []struct{ goal, backing, evidence string }{
		{"Lead the returns scope conversation with Support",
			`Backing for "Lead the returns scope conversation with Support" (due 2027-01-31): you lead the conversation with Support; Lee helps prepare your position beforehand, stays out of the room, and goes over how it went afterwards.`,
			`whatever the calibration settles, what will make the case for Senior Product Manager is your goal "Lead the returns scope conversation with Support" done by 2027-01-31, and how Support saw it go`},
		{"Write the returns strategy and use it in Q1 planning",
			`Backing for "Write the returns strategy and use it in Q1 planning" (due 2027-01-31): you write it and make the calls in it; Lee reads the first draft within a week and comments in the margin, never rewriting it.`,
			`the calibration settles the levels; the case for Senior Product Manager rests on your goal "Write the returns strategy and use it in Q1 planning" done by 2027-01-31, and in use by the people it is written for`},
		{"Run the Q1 returns roadmap with Support and Finance",
			`Backing for "Run the Q1 returns roadmap with Support and Finance" (due 2027-01-31): you run it with Support and Finance and make its calls; Lee clears the time for it and asks at each 1:1 what stands in its way, never taking a call back.`,
			`however the levels settle, the case for Senior Product Manager is made by your goal "Run the Q1 returns roadmap with Support and Finance" done by 2027-01-31, and the word of Support and Finance on how you ran it`},
		{"Move returns completion from 40% to 55%",
			`Backing for "Move returns completion from 40% to 55%" (due 2027-01-31): you own the number and decide what moves it; Lee reads the numbers with you each month, and the calls stay yours.`,
			`the calibration settles the levels; the case for Senior Product Manager rests on your goal "Move returns completion from 40% to 55%" reaching its number by 2027-01-31`},
	} {
		g := GoalItem{Text: tt.goal, Due: "2027-01-31"}
		if got := backing(goalKind(g.Text), []GoalItem{g}, "Lee", false); got != tt.backing {
			t.Errorf("backing:\n got %q\nwant %q", got, tt.backing)
		}
		pl := &Plan{Target: RoleRef{Name: "Senior Product Manager"}, Goals: []GoalItem{{Text: tt.goal, Due: "2027-01-31", Skills: []SkillRef{{ID: "s"}}}},
			Focus: []Focus{{SkillRef: SkillRef{ID: "s"}}}}
		if got := promotionCase(pl); got != tt.evidence {
			t.Errorf("case:\n got %q\nwant %q", got, tt.evidence)
		}
	}
}
