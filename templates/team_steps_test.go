package templates

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/coach-dev/coach/plans"
	"github.com/coach-dev/coach/skills"
)

// `coach team` reported "this is a bug in coach" past about 250,000
// person-skills: the heatmap's loops counted against MaxSteps, a limit
// meant for a repository's own templates. A built-in template ranges over
// the data alone, and its steps are not counted: the team renders whatever
// its size (here with the limit lowered to a twentieth of its cells), and
// a repository's loop is still stopped.
func TestTeamPast250000PersonSkillsIsABug(t *testing.T) {
	m, err := skills.DefaultMatrix()
	if err != nil {
		t.Fatal(err)
	}
	cfg := skills.DefaultConfig()
	roles := m.RoleIDs()
	team := make([]*skills.Person, 200)
	for i := range team {
		p := &skills.Person{ID: fmt.Sprintf("p%03d", i), Name: fmt.Sprintf("Person %03d", i), Role: roles[i%5],
			Levels: map[string]int{}, Path: fmt.Sprintf("skills/p%03d.toml", i)}
		if i >= 10 {
			p.Manager = fmt.Sprintf("p%03d", i/10)
		}
		for j, s := range m.Skills {
			p.Levels[s.ID] = 1 + (i+j)%5
		}
		team[i] = p
	}
	ix := plans.IndexTeam(m, cfg, team)
	byID := map[string]*plans.Plan{}
	for _, p := range team {
		pl, err := plans.Build(plans.Input{Matrix: m, Config: cfg, Person: p, Team: team, Index: ix})
		if err != nil {
			t.Fatal(err)
		}
		byID[p.ID] = pl
	}
	view, err := plans.BuildTeam(plans.TeamInput{Matrix: m, Config: cfg, People: team, Plans: byID, Index: ix})
	if err != nil {
		t.Fatal(err)
	}
	s, err := Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	s.testHookMaxSteps = 200 * len(m.Skills) / 20
	out, err := s.Render("team.md.tmpl", view)
	if err != nil {
		t.Fatalf("the built-in team template: %v", err)
	}
	if n := strings.Count(string(out), "| Person 1"); n < 100 {
		t.Errorf("%d heatmap rows of people 100 to 199, want them all", n)
	}
	// A repository's template that calls the built-in one in a loop is
	// still counted.
	s, err = Load(fstest.MapFS{"x.md.tmpl": {Data: []byte(`{{range 3000000000}}{{template "team-names" $.WrittenFor}}{{end}}`)}})
	if err != nil {
		t.Fatal(err)
	}
	s.testHookMaxSteps = 1000
	if _, err := s.Render("x.md.tmpl", view); err == nil || !strings.Contains(err.Error(), "templates/x.md.tmpl:1: the template took more than 1000 steps") {
		t.Errorf("a repository's loop over a number: %v", err)
	}
}
