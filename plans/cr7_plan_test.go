package plans

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/coach-dev/coach/skills"
)

// Cold read 7, finding 2: every count of a plan comes from one value. With
// levels raised in a batch without evidence, the verdict counts them at
// their earlier levels, and so do the readiness count and the table: no
// "four more" in one place and "one level in each of seven" in another.
func TestCR7OneCountEverywhere(t *testing.T) {
	m := matrix(t)
	first := atBar(m, "gpm")
	raised := with(first, map[string]int{"feedback": 4, "career-development": 4, "team-health": 4, "product-strategy": 4})
	h := commitOf("c1", "2026-05-12", "Rosa Lind", "First assessments after calibration", nil, first)
	h = append(h, commitOf("c3", "2026-11-17", "Rosa Lind", "Notes from the 1:1s", first, raised)...)
	p := &skills.Person{ID: "kim", Name: "Kim Vale", Role: "gpm", Manager: "rosa", Levels: raised, Assessed: day("2026-11-17"),
		PlanStart: day("2026-05-12")}
	rosa := &skills.Person{ID: "rosa", Name: "Rosa Lind", Role: "director", Levels: atBar(m, "director")}
	pl := buildWith(t, p, map[string][]skills.Change{"kim": person(h, "kim")}, rosa)
	onFirst := readiness(m, &skills.Person{Levels: first}, m.Role("director"))
	if got := pl.Counted(); got.Met != onFirst.Met || got.Gap != onFirst.Gap || len(got.Below) != len(onFirst.Below) {
		t.Errorf("counted %d met, %d to close; want the earlier levels' %d, %d", got.Met, got.Gap, onFirst.Met, onFirst.Gap)
	}
	if pl.Counted().Met == pl.Readiness.Met {
		t.Fatalf("the case needs raises that change the count: %d", pl.Readiness.Met)
	}
	if pl.RaisedOn() != "2026-11-17" {
		t.Errorf("raised on %q", pl.RaisedOn())
	}
	var rows []string
	for _, r := range pl.Skills {
		if r.CountedAs > 0 {
			rows = append(rows, fmt.Sprintf("%s %d counted as %d: %s", r.ID, r.Level, r.CountedAs, r.Standing))
		}
	}
	var want []string
	for _, s := range m.Skills {
		if raised[s.ID] != first[s.ID] {
			want = append(want, fmt.Sprintf("%s 4 counted as %d: %s", s.ID, first[s.ID], StandingOf(first[s.ID], s.Expect["director"])))
		}
	}
	if !slices.Equal(rows, want) {
		t.Errorf("rows:\n got %q\nwant %q", rows, want)
	}
	// Without a raise, the count is the file's.
	q := &skills.Person{ID: "kim", Name: "Kim Vale", Role: "gpm", Manager: "rosa", Levels: first, Assessed: day("2026-11-17")}
	if pl := build(t, q, rosa); pl.Counted().Met != pl.Readiness.Met || pl.RaisedOn() != "" {
		t.Errorf("no raise, counted %d vs %d", pl.Counted().Met, pl.Readiness.Met)
	}
}

// Cold read 7, finding 1: a plan held on a new manager's first assessment
// nobody calibrated still names its strengths, on the new levels, with the
// caveat in one clause: a skill well above the job is not dropped.
func TestCR7HeldPlanNamesStrengthsWithTheCaveat(t *testing.T) {
	m := matrix(t)
	rebased, history := patStrongRebased(m)
	pat := &skills.Person{ID: "pat", Name: "Pat Doe", Path: "skills/pat.toml", Role: "pm", Manager: "lee", Levels: rebased,
		Assessed: day("2026-11-18"), PlanStart: day("2026-09-01"),
		Evidence: []skills.Evidence{
			{Date: day("2026-06-01"), Skill: "customer-insight", Text: "Summarised twelve interviews"},
			{Date: day("2026-08-18"), Skill: "ux-discovery", Text: "Tested three variants before build"},
		}}
	lee := &skills.Person{ID: "lee", Name: "Lee Park", Path: "skills/lee.toml", Role: "gpm", Manager: "robin", Levels: atBar(m, "gpm")}
	robin := &skills.Person{ID: "robin", Name: "Robin Hart", Path: "skills/robin.toml", Role: "director", Levels: atBar(m, "director")}
	pl, err := Build(Input{Matrix: m, Config: skills.DefaultConfig(), Person: pat, Team: []*skills.Person{pat, lee, robin}, History: history})
	if err != nil {
		t.Fatal(err)
	}
	if pl.Verdict.Kind != "held" {
		t.Fatalf("verdict = %+v, want held", pl.Verdict)
	}
	var got []string
	for _, st := range pl.Strengths {
		got = append(got, fmt.Sprintf("%s %d shows %s", st.ID, st.Level, st.Shows))
	}
	want := []string{`customer-insight 5 shows 2026-06-01 ("Summarised twelve interviews")`, `ux-discovery 4 shows 2026-08-18 ("Tested three variants before build")`}
	if !slices.Equal(got, want) {
		t.Errorf("earned = %q, want %q", got, want)
	}
	if want := "on Lee Park's first assessment, of 2026-09-22, not yet calibrated"; pl.StrengthsOn != want {
		t.Errorf("caveat = %q, want %q", pl.StrengthsOn, want)
	}
	// Cold read 12, findings 1 and 2: examples older than the assessment
	// showed the level before it, said once; a standout on the rating
	// alone waits for the calibration.
	if want := "The examples date from before 2026-09-22: they showed the level before it, and the calibration looks for what shows the new one."; pl.StrengthsEarlier != want {
		t.Errorf("earlier = %q, want %q", pl.StrengthsEarlier, want)
	}
	pat.Levels = with(rebased, map[string]int{"technical-fluency": 5})
	pl, err = Build(Input{Matrix: m, Config: skills.DefaultConfig(), Person: pat, Team: []*skills.Person{pat, lee, robin}, History: history})
	if err != nil {
		t.Fatal(err)
	}
	if slices.ContainsFunc(pl.Strengths, func(st Strength) bool { return st.Shows == "" }) {
		t.Errorf("a level with no example named a strength before the calibration: %+v", pl.Strengths)
	}
	// Cold read 14, finding 14: left out, it is still said once.
	if want := "Technical fluency at 5 Shaping has no example written down yet: show one, or it is the first level the calibration tests."; pl.StrengthsUnshown != want {
		t.Errorf("unshown = %q, want %q", pl.StrengthsUnshown, want)
	}
	if want := "A at 5 Shaping and B at 4 Leading have no example written down yet: show one for each, or they are the first levels the calibration tests."; unshownLine([]string{"A at 5 Shaping", "B at 4 Leading"}, true) != want {
		t.Errorf("two unshown = %q", unshownLine([]string{"A at 5 Shaping", "B at 4 Leading"}, true))
	}
}

// Cold read 7, finding 1: the plan's strengths are above the job's bar or
// at the top of the scale (a level at the bar is the job done), ordered by
// the evidence behind them; never more than three. A level no example shows
// is not named a strength (cold read 19a, point 2): one two or more above
// the bar is named once, with what would make it one (cold read 10,
// finding 14: Technical fluency 5 is not dropped for want of an example).
func TestCR7EarnedStrengths(t *testing.T) {
	m := matrix(t)
	ev := func(skill string, n int) []skills.Evidence {
		var out []skills.Evidence
		for i := range n {
			out = append(out, skills.Evidence{Date: day("2026-10-01").AddDate(0, 0, i), Skill: skill, Text: "Did the " + skill + " work the team adopted"})
		}
		return out
	}
	high := with(atBar(m, "pm"), map[string]int{"customer-insight": 3, "technical-fluency": 5, "ux-discovery": 4, "data-experimentation": 4})
	tests := []struct {
		name     string
		levels   map[string]int
		evidence []skills.Evidence
		want     []string
		unshown  string
	}{
		{"at the bar is the job done", atBar(m, "pm"), ev("customer-insight", 2), nil, ""},
		{"by the evidence, not the margin", high, append(ev("ux-discovery", 1), ev("customer-insight", 2)...), []string{"customer-insight", "ux-discovery"},
			"Technical fluency at 5 Shaping has no example written down yet: bring one to the next review, one that others saw."},
		{"a level alone is named, not listed", high, ev("customer-insight", 1), []string{"customer-insight"},
			"Technical fluency at 5 Shaping and Product discovery and UX at 4 Leading have no example written down yet: bring one for each to the next review, one that others saw."},
		{"at most three", high, append(append(append(ev("ux-discovery", 1), ev("customer-insight", 2)...), ev("technical-fluency", 1)...), ev("data-experimentation", 1)...),
			[]string{"customer-insight", "technical-fluency", "ux-discovery"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &skills.Person{ID: "p", Name: "Pat Doe", Role: "pm", Assessed: day("2026-11-20"), PlanStart: day("2025-01-01"), Levels: tt.levels, Evidence: tt.evidence}
			pl := build(t, p)
			var got []string
			for _, s := range pl.Strengths {
				got = append(got, s.ID)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("earned = %q, want %q (focus %v)", got, tt.want, pl.Focus)
			}
			if pl.StrengthsUnshown != tt.unshown {
				t.Errorf("unshown = %q, want %q", pl.StrengthsUnshown, tt.unshown)
			}
		})
	}
}

// An agenda's career conversation names a strength of the plan's own
// (Plan.Strengths, on the re-baseline's levels), and, when the plan is held on
// a re-baseline nobody calibrated, with the plan's caveat in the manager's
// voice, not "as it stood before" it.
func TestAgendaStrengthIsThePlans(t *testing.T) {
	m := matrix(t)
	rebased, history := patStrongRebased(m)
	pat := &skills.Person{ID: "pat", Name: "Pat Doe", Path: "skills/pat.toml", Role: "pm", Manager: "lee", Levels: rebased,
		Assessed: day("2026-11-18"), PlanStart: day("2026-09-01"),
		Goals: []skills.Goal{{Text: "Run the Q1 onboarding research", Skills: []string{"ux-discovery"}, Due: day("2027-02-26")}},
		Evidence: []skills.Evidence{
			{Date: day("2026-06-01"), Skill: "customer-insight", Text: "Summarised twelve interviews"},
			{Date: day("2026-08-18"), Skill: "ux-discovery", Text: "Tested three variants before build"},
		}}
	lee := &skills.Person{ID: "lee", Name: "Lee Park", Path: "skills/lee.toml", Role: "gpm", Manager: "robin", Levels: atBar(m, "gpm")}
	robin := &skills.Person{ID: "robin", Name: "Robin Hart", Path: "skills/robin.toml", Role: "director", Levels: atBar(m, "director")}
	team := []*skills.Person{pat, lee, robin}
	w, err := ParseWeek("2026-W49")
	if err != nil {
		t.Fatal(err)
	}
	career := func(pl *Plan) []string {
		t.Helper()
		a := BuildAgenda(AgendaInput{Plan: pl, Matrix: m, Config: skills.DefaultConfig(), Person: pat, Week: w, History: history})
		if a.Career == nil {
			t.Fatal("no career conversation in 2026-W49")
		}
		var out []string
		for _, pt := range a.Career.Points {
			if strings.HasPrefix(pt, "A strength to use") {
				out = append(out, pt)
			}
		}
		return out
	}
	pl, err := Build(Input{Matrix: m, Config: skills.DefaultConfig(), Person: pat, Team: team, History: history})
	if err != nil {
		t.Fatal(err)
	}
	if pl.Verdict.Kind != "held" {
		t.Fatalf("verdict = %+v, want held", pl.Verdict)
	}
	want := []string{`A strength to use: Product discovery and UX (4 Leading, on my first assessment, of 22 September, not yet calibrated); your goal "Run the Q1 onboarding research", due 2027-02-26, leans on it: bring a moment where it showed.`}
	if diff := cmp.Diff(want, career(pl)); diff != "" {
		t.Errorf("held (-want +got):\n%s", diff)
	}

}

// patStrongRebased is Pat's history: a calibrated first assessment at the
// Product Manager bar with customer insight at 4, then Lee Park's first
// assessment as Pat's manager, at the Senior Product Manager bar with
// customer insight at 5 and product discovery at 4 (rebased, Pat's levels
// now).
func patStrongRebased(m *skills.Matrix) (rebased map[string]int, history []skills.Change) {
	first := with(atBar(m, "pm"), map[string]int{"customer-insight": 4})
	rebased = with(atBar(m, "senior-pm"), map[string]int{"customer-insight": 5, "ux-discovery": 4})
	history = commitOf("c1", "2026-01-14", "Kim", "First assessments after calibration", nil, first)
	history = append(history, commitOf("c2", "2026-09-22", "Lee Park", "My first assessment of Pat", first, rebased)...)
	for i := range history {
		history[i].Person = "pat"
	}
	return rebased, history
}
