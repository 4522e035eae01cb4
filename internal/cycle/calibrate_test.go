package cycle_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/coach-dev/coach/internal/cycle"
	"github.com/coach-dev/coach/plans"
	"github.com/coach-dev/coach/skills"
	"github.com/google/go-cmp/cmp"
)

// teamOf decodes skill files given as id -> TOML.
func teamOf(t *testing.T, m *skills.Matrix, files map[string]string) []*skills.Person {
	t.Helper()
	var out []*skills.Person
	for id, src := range files {
		p, problems := skills.DecodePerson("skills/"+id+".toml", []byte(src), m)
		if len(problems) > 0 {
			t.Fatalf("%s: %v", id, problems)
		}
		out = append(out, p)
	}
	return out
}

// levelsAt writes every skill of m at role's bar plus delta (at least 1).
func levelsAt(m *skills.Matrix, role string, delta int) string {
	var b strings.Builder
	for _, s := range m.Skills {
		fmt.Fprintf(&b, "%s = %d\n", s.ID, max(1, min(5, s.Expect[role]+delta)))
	}
	return b.String()
}

func TestBuildPacket(t *testing.T) {
	m, err := skills.DefaultMatrix()
	if err != nil {
		t.Fatal(err)
	}
	file := func(name, role, manager string, delta int) string {
		return fmt.Sprintf("name = %q\nrole = %q\nmanager = %q\nassessed = 2026-11-10\n\n[levels]\n%s", name, role, manager, levelsAt(m, role, delta))
	}
	files := map[string]string{
		"gus":  file("Gus Lind", "gpm", "vera", 0),
		"hana": file("Hana Ito", "gpm", "vera", 0),
		// Gus rates his people a level above the bar; Hana hers at it.
		"ann": file("Ann Bell", "pm", "gus", 1),
		"bo":  file("Bo Chen", "pm", "gus", 1),
		"cy":  file("Cy Dunn", "pm", "gus", 1),
		"dee": file("Dee Fox", "pm", "hana", 0),
		"eli": file("Eli Gray", "pm", "hana", 0),
		"fay": file("Fay Hale", "pm", "hana", 0),
	}
	cfg := skills.DefaultConfig()
	cfg.Leaders = []skills.Leader{{ID: "vera", Name: "Vera Holm"}}
	team := teamOf(t, m, files)
	ix := plans.IndexTeam(m, cfg, team)
	byID := map[string]*plans.Plan{}
	for _, p := range team {
		if byID[p.ID], err = plans.Build(plans.Input{Matrix: m, Config: cfg, Person: p, Team: team, Index: ix}); err != nil {
			t.Fatal(err)
		}
	}
	view, err := plans.BuildTeam(plans.TeamInput{Matrix: m, Config: cfg, People: team, Plans: byID, Index: ix, Under: "vera"})
	if err != nil {
		t.Fatal(err)
	}
	pk, err := cycle.BuildPacket(cycle.CalibrateInput{Matrix: m, Config: cfg, People: team, Plans: byID, Team: view,
		Under: "vera", Role: "pm", Cases: map[string]bool{"ann": true}})
	if err != nil {
		t.Fatal(err)
	}
	if pk.Path != "calibration/vera.md" || pk.Role == nil || pk.Role.ID != "pm" {
		t.Errorf("path %q, role %v: want calibration/vera.md for pm", pk.Path, pk.Role)
	}
	var people []string
	for _, g := range pk.Roles {
		for _, s := range g.People {
			people = append(people, g.Role.ID+":"+s.Person.ID)
		}
	}
	// The PMs only, those at the Senior PM bar on the most skills first.
	if diff := cmp.Diff([]string{"pm:ann", "pm:bo", "pm:cy", "pm:dee", "pm:eli", "pm:fay"}, people); diff != "" {
		t.Errorf("people (-want +got):\n%s", diff)
	}
	var candidates []string
	for _, c := range pk.Candidates {
		candidates = append(candidates, fmt.Sprintf("%s %s %v", c.Person.ID, c.Link, c.Written))
	}
	want := []string{"ann ../promotions/ann.md true", "bo ../promotions/bo.md false", "cy ../promotions/cy.md false"}
	if diff := cmp.Diff(want, candidates); diff != "" {
		t.Errorf("candidates (-want +got):\n%s", diff)
	}
	if len(pk.Apart) != 2 || pk.Apart[0].Manager.ID != "gus" || pk.Apart[0].Direction() != "above" {
		t.Fatalf("apart: %+v, want Gus above and Hana below", pk.Apart)
	}
	wantQ := []string{
		"Is Ann Bell ready for Senior Product Manager now? The history does not show how long every assessed skill has been at its bar. Gus Lind sponsors the case.",
		"Is Bo Chen ready for Senior Product Manager now? The history does not show how long every assessed skill has been at its bar. Gus Lind sponsors the case. The case is not written yet.",
		"Is Cy Dunn ready for Senior Product Manager now? The history does not show how long every assessed skill has been at its bar. Gus Lind sponsors the case. The case is not written yet.",
		"Do Gus Lind's people sit above the others because of their work or because of how they are rated? Put two of them beside peers of the same role, skill by skill.",
		"Do Hana Ito's people sit below the others because of their work or because of how they are rated? Put two of them beside peers of the same role, skill by skill.",
	}
	if diff := cmp.Diff(wantQ, pk.Questions); diff != "" {
		t.Errorf("questions (-want +got):\n%s", diff)
	}
	if _, err := cycle.BuildPacket(cycle.CalibrateInput{Matrix: m, Config: cfg, People: team, Plans: byID, Team: view, Role: "cto"}); err == nil || !strings.HasPrefix(err.Error(), `unknown role "cto": the matrix's roles are apm, pm, senior-pm,`) {
		t.Errorf("an unknown role: %v", err)
	}
}
