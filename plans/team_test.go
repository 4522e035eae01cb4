package plans

import (
	"testing"

	"github.com/coach-dev/coach/skills"
	"github.com/google/go-cmp/cmp"
)

// TestBuildTeamCalibration: a manager whose people sit more than half a
// level from the other managers' mean is flagged, and only that one.
func TestBuildTeamCalibration(t *testing.T) {
	m := defaultMatrix(t)
	cfg := skills.DefaultConfig()
	cfg.Leaders = []skills.Leader{{ID: "lead", Name: "Lead"}}
	at := func(role string, delta int) map[string]int {
		out := map[string]int{}
		for _, s := range m.Skills {
			out[s.ID] = max(1, min(5, s.Expect[role]+delta))
		}
		return out
	}
	people := []*skills.Person{
		{ID: "a", Name: "A", Role: "gpm", Manager: "lead", Levels: at("gpm", 0)},
		{ID: "b", Name: "B", Role: "gpm", Manager: "lead", Levels: at("gpm", 0)},
		{ID: "a1", Name: "A1", Role: "pm", Manager: "a", Levels: at("pm", 0)},
		{ID: "b1", Name: "B1", Role: "pm", Manager: "b", Levels: at("pm", 1)},
		{ID: "c", Name: "C", Role: "gpm", Manager: "lead", Levels: at("gpm", 0)},
		{ID: "c1", Name: "C1", Role: "pm", Manager: "c", Levels: at("pm", 0)},
	}
	plans := map[string]*Plan{}
	ix := IndexTeam(m, cfg, people)
	for _, p := range people {
		pl, err := Build(Input{Matrix: m, Config: cfg, Person: p, Team: people, Index: ix})
		if err != nil {
			t.Fatal(err)
		}
		plans[p.ID] = pl
	}
	team, err := BuildTeam(TeamInput{Matrix: m, Config: cfg, People: people, Plans: plans, Index: ix})
	if err != nil {
		t.Fatal(err)
	}
	flagged := map[string]bool{}
	for _, c := range team.Calib {
		flagged[c.Manager.ID] = c.Flagged
	}
	want := map[string]bool{"lead": false, "a": false, "b": true, "c": false}
	if diff := cmp.Diff(want, flagged); diff != "" {
		t.Errorf("flagged (-want +got):\n%s", diff)
	}
	var tree []string
	for _, l := range team.Tree {
		tree = append(tree, l.Indent+l.ID)
	}
	if diff := cmp.Diff([]string{"lead", "  a", "    a1", "  b", "    b1", "  c", "    c1"}, tree); diff != "" {
		t.Errorf("tree (-want +got):\n%s", diff)
	}
	if _, err := BuildTeam(TeamInput{Matrix: m, Config: cfg, People: people, Plans: plans, Index: ix, Under: "zz"}); err == nil {
		t.Error("an unknown --under id was accepted")
	}
}
