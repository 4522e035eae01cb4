package plans

import (
	"slices"
	"testing"

	"github.com/coach-dev/coach/skills"
)

// Cold read 9, finding 25: a report's self-assessment counts as one in
// the team view even when the report's levels are left out of the
// comparison for an uncalibrated re-baseline: the manager's row says the
// gap is not shown for too few people, never "no self-assessments".
func TestColdRead9Finding25SelfOfARebasedReportCounts(t *testing.T) {
	m := matrix(t)
	cfg := skills.DefaultConfig()
	robin := &skills.Person{ID: "robin", Name: "Robin Hart", Role: "director", Levels: atBar(m, "director")}
	lee := &skills.Person{ID: "lee", Name: "Lee Park", Role: "gpm", Manager: "robin", Levels: atBar(m, "gpm")}
	team := []*skills.Person{robin, lee}
	history := map[string][]skills.Change{}
	up := map[string]int{}
	for id, l := range atBar(m, "pm") {
		up[id] = l + 1
	}
	for _, id := range []string{"cy", "di"} {
		p := &skills.Person{ID: id, Name: id + " Pm", Role: "pm", Manager: "lee", Levels: up, PlanStart: day("2026-06-01"), Assessed: day("2026-11-18")}
		h := commitOf("c1-"+id, "2026-01-14", "Robin Hart", "First assessments, calibrated", nil, atBar(m, "pm"))
		h = append(h, commitOf("c2", "2026-11-18", "Lee Park", "My first assessments as their manager", atBar(m, "pm"), up)...)
		history[id] = person(h, id)
		team = append(team, p)
	}
	team[3].Self = map[string]int{"negotiation": 2}
	_, tm := teamOf(t, cfg, team, history)
	for _, c := range tm.Calib {
		if c.Manager.ID != "lee" {
			continue
		}
		if c.LeftOut != 2 || !c.SelfHidden || c.SelfCount != 0 {
			t.Errorf("Lee's row: %d left out, self hidden %v over %d skills; want 2 left out, the self gap hidden over none", c.LeftOut, c.SelfHidden, c.SelfCount)
		}
		return
	}
	t.Fatal("no calibration row for Lee")
}

// Cold read 9, finding 14: a teammate's evidence of mentoring is "in their
// own words" only when the commit that added it was theirs; a line their
// manager committed is what their file records.
func TestColdRead9Finding14OwnWordsOnlyWhenTheirs(t *testing.T) {
	m := matrix(t)
	line := "Coached Bea Lu through her first experiment design"
	// Whoever committed the entry, it is said to Bea as what Ana did with
	// her, in no one's "own words" (cold read 19a, finding 17).
	want := `Ana Mo has mentored you too (2026-10-21: coached you through your first experiment design): tell Ana what you are working on now, and ask for a second read of it.`
	for _, author := range []string{"Ana Mo", "Kim Boss", ""} {
		kim := &skills.Person{ID: "kim", Name: "Kim Boss", Role: "gpm", Levels: atBar(m, "gpm")}
		ana := &skills.Person{ID: "ana", Name: "Ana Mo", Role: "pm", Manager: "kim", Levels: atBar(m, "pm"),
			Evidence: []skills.Evidence{{Date: day("2026-10-21"), Skill: "coaching", Text: line}}}
		bea := &skills.Person{ID: "bea", Name: "Bea Lu", Role: "pm", Manager: "kim", Levels: atBar(m, "pm"), Assessed: day("2026-11-18")}
		history := map[string][]skills.Change{}
		if author != "" {
			history["ana"] = []skills.Change{
				{Person: "ana", Commit: "c2", Date: day("2026-11-02"), Author: "Kim Boss", Kind: skills.KindLevel, Skill: "coaching", From: "3", To: "4"},
				{Person: "ana", Commit: "c1", Date: day("2026-10-22"), Author: author, Kind: skills.KindEvidence, Skill: "coaching", Text: line, On: day("2026-10-21")},
			}
		}
		pl := buildWith(t, bea, history, kim, ana)
		if !slices.Contains(pl.AlsoMentoredBy, want) {
			t.Errorf("committed by %q: %q\nwant %q", author, pl.AlsoMentoredBy, want)
		}
	}
	// One that names someone else as well is quoted as written.
	if got, want := mentoredYou("Coached Bea Lu on her pitch to Dana", &skills.Person{Name: "Bea Lu"}, "2026-10-21"), `2026-10-21: "Coached Bea Lu on her pitch to Dana"`; got != want {
		t.Errorf("mentoredYou = %q, want %q", got, want)
	}
}

// Cold read 9, finding 19: the 1:1s are weekly (an agenda a week), and
// the plan's promise of candour says so in the words the agendas use.
func TestColdRead9Finding19OneCadence(t *testing.T) {
	m := matrix(t)
	kim := &skills.Person{ID: "kim", Name: "Kim Boss", Role: "gpm", Levels: atBar(m, "gpm")}
	lvl := atBar(m, "pm")
	lvl["negotiation"]--
	bea := &skills.Person{ID: "bea", Name: "Bea Lu", Role: "pm", Manager: "kim", Levels: lvl, Assessed: day("2026-11-18")}
	pl := buildWith(t, bea, nil, kim)
	want := "Candour: at each weekly 1:1, what Kim saw that week on the focus skills, good or not, with the example; and two hours of your week kept free of other work for them."
	if !slices.Contains(pl.Commitments, want) {
		t.Errorf("commitments %q\nlack %q", pl.Commitments, want)
	}
}

// Cold read 9, finding 5: a manager's wish to stop leading people is, for
// their own manager, a near-term question of who leads their people,
// named one by one; for a manager with no people yet, the move alone.
func TestColdRead9Finding5WhoLeadsThemNext(t *testing.T) {
	m := matrix(t)
	ria := &skills.Person{ID: "ria", Name: "Ria Sen", Role: "director", Manager: "vp", Levels: atBar(m, "director"), Assessed: day("2026-11-10")}
	sol := &skills.Person{ID: "sol", Name: "Sol Varga", Role: "gpm", Manager: "ria", Levels: atBar(m, "gpm"), Assessed: day("2026-11-10"),
		Aspiration: &skills.Aspiration{Track: skills.TrackIC}}
	lee := &skills.Person{ID: "lee", Name: "Lee Park", Role: "senior-pm", Manager: "sol", Levels: atBar(m, "senior-pm"), Assessed: day("2026-11-10")}
	ivo := &skills.Person{ID: "ivo", Name: "Ivo Lund", Role: "pm", Manager: "sol", Levels: atBar(m, "pm"), Assessed: day("2026-11-10")}
	pl := buildCfg(t, skills.DefaultConfig(), ria, nil, sol, lee, ivo)
	want := "Sol Varga wants the individual-contributor track, and leads Ivo and Lee today: nobody in Sol's line is within reach of Group Product Manager yet, so their next manager comes from elsewhere or from a hire. Agree with Sol this month who leads them, and from when, before anything is announced."
	if !slices.Contains(pl.People, want) {
		t.Errorf("people %q\nlack %q", pl.People, want)
	}
}
