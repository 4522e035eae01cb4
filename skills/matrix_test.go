package skills

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The built-in matrix is the content people read: it must be valid without a
// single warning, and complete in every way the plans rely on.
func TestDefaultMatrixComplete(t *testing.T) {
	m, problems := DecodeMatrix("matrix.toml", DefaultMatrixTOML())
	for _, p := range problems {
		t.Errorf("built-in matrix: %s", p)
	}
	if m == nil {
		t.FailNow()
	}
	if diff := cmp.Diff([]string{"apm", "pm", "senior-pm", "gpm", "director", "vp", "cpo"}, m.RoleIDs()); diff != "" {
		t.Errorf("ladder (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"people-manager", "strategic-leader", "coach-mentor"}, m.PersonaIDs()); diff != "" {
		t.Errorf("personas (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"soft-skills", "team-development", "domain-expertise", "technical-ux"}, m.PillarIDs()); diff != "" {
		t.Errorf("pillars (-want +got):\n%s", diff)
	}
	if len(m.Levels) != 5 {
		t.Errorf("the scale has %d levels, want 5", len(m.Levels))
	}
	if n := len(m.Skills); n < 14 || n > 20 {
		t.Errorf("%d skills, want 14 to 20", n)
	}
	for _, r := range m.Roles {
		for _, persona := range m.PersonaIDs() {
			if _, ok := r.Emphasis[persona]; !ok {
				t.Errorf("role %s: no emphasis for persona %s", r.ID, persona)
			}
		}
	}
	pillars := map[string]int{}
	personas := map[string]int{}
	for _, s := range m.Skills {
		pillars[s.Pillar]++
		for _, p := range s.Personas {
			personas[p]++
		}
		for _, r := range m.Roles {
			if _, ok := s.Expect[r.ID]; !ok {
				t.Errorf("skill %s: no expectation for role %s", s.ID, r.ID)
			}
		}
		prev := 0
		for _, r := range m.Roles {
			if s.Expect[r.ID] < prev {
				t.Errorf("skill %s: %s expects %d, less than the role below it (%d)", s.ID, r.ID, s.Expect[r.ID], prev)
			}
			prev = s.Expect[r.ID]
		}
		if len(s.Descriptors) != len(m.Levels) {
			t.Errorf("skill %s: %d descriptors, want one per level", s.ID, len(s.Descriptors))
		}
		if len(s.Questions) < 4 {
			t.Errorf("skill %s: %d coaching questions, want at least 4", s.ID, len(s.Questions))
		}
		for _, q := range s.Questions {
			if !strings.HasSuffix(q.Text, "?") {
				t.Errorf("skill %s: question %q does not end in a question mark", s.ID, q.Text)
			}
		}
		for to := 2; to <= len(m.Levels); to++ {
			found := false
			for _, a := range s.Actions {
				found = found || a.To == to
			}
			if !found {
				t.Errorf("skill %s: no action to reach level %d", s.ID, to)
			}
		}
		if len(s.Resources) == 0 {
			t.Errorf("skill %s: no learning resource", s.ID)
		}
		for _, r := range s.Resources {
			if r.Author == "" {
				t.Errorf("skill %s: resource %q has no author", s.ID, r.Title)
			}
		}
	}
	for _, id := range m.PillarIDs() {
		if pillars[id] < 3 {
			t.Errorf("pillar %s has %d skills, want at least 3", id, pillars[id])
		}
	}
	for _, id := range m.PersonaIDs() {
		if personas[id] < 4 {
			t.Errorf("persona %s is served by %d skills, want at least 4", id, personas[id])
		}
	}
	for _, tr := range [][2]string{{"senior-pm", "gpm"}, {"gpm", "director"}, {"director", "vp"}} {
		if m.Transition(tr[0], tr[1]) == nil {
			t.Errorf("no transition %s -> %s", tr[0], tr[1])
		}
	}
	for _, r := range m.Roles {
		if r.Next != "" && m.Transition(r.ID, r.Next) == nil {
			t.Errorf("no transition for the default step %s -> %s", r.ID, r.Next)
		}
	}
}

// No sentence of the built-in content may be a placeholder.
func TestDefaultMatrixHasNoPlaceholders(t *testing.T) {
	src := strings.ToLower(string(DefaultMatrixTOML()))
	for _, bad := range []string{"todo", "tbd", "lorem", "xxx", "fixme", "placeholder"} {
		if strings.Contains(src, bad) {
			t.Errorf("built-in matrix contains %q", bad)
		}
	}
}
