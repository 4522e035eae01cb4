package plans

import (
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
	ix := IndexTeamWith(m, cfg, team, history)
	plans := map[string]*Plan{}
	for _, p := range team {
		pl, err := Build(Input{Matrix: m, Config: cfg, Person: p, Team: team, Index: ix, History: history[p.ID]})
		if err != nil {
			t.Fatal(err)
		}
		plans[p.ID] = pl
	}
	tm, err := BuildTeam(TeamInput{Matrix: m, Config: cfg, People: team, Plans: plans, Index: ix})
	if err != nil {
		t.Fatal(err)
	}
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
