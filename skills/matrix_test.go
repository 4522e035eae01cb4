package skills

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The two tracks of the built-in ladder, most junior first. They share
// apm, pm and senior-pm.
var (
	managerTrack = []string{"apm", "pm", "senior-pm", "gpm", "director", "vp", "cpo"}
	icTrack      = []string{"senior-pm", "principal-pm", "distinguished-pm"}
)

func builtinMatrix(t *testing.T) *Matrix {
	t.Helper()
	m, problems := DecodeMatrix("matrix.toml", DefaultMatrixTOML())
	for _, p := range problems {
		t.Errorf("built-in matrix: %s", p)
	}
	if m == nil {
		t.FailNow()
	}
	return m
}

// The built-in matrix is the content people read: it must be valid without a
// single warning, and complete in every way the plans rely on.
func TestDefaultMatrixComplete(t *testing.T) {
	m := builtinMatrix(t)
	wantRoles := []string{"apm", "pm", "senior-pm", "principal-pm", "distinguished-pm", "gpm", "director", "vp", "cpo"}
	if diff := cmp.Diff(wantRoles, m.RoleIDs()); diff != "" {
		t.Errorf("ladder (-want +got):\n%s", diff)
	}
	var leaders []string
	for _, r := range m.Roles {
		if r.Leads {
			leaders = append(leaders, r.ID)
		}
	}
	if diff := cmp.Diff([]string{"gpm", "director", "vp", "cpo"}, leaders); diff != "" {
		t.Errorf("roles that lead people (-want +got):\n%s", diff)
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
	if n := len(m.Skills); n < 20 || n > 26 {
		t.Errorf("%d skills, want 20 to 26", n)
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
		for _, track := range [][]string{managerTrack, icTrack} {
			for i := 1; i < len(track); i++ {
				if s.Expect[track[i]] < s.Expect[track[i-1]] {
					t.Errorf("skill %s: %s expects %d, less than %s below it (%d)", s.ID, track[i], s.Expect[track[i]], track[i-1], s.Expect[track[i-1]])
				}
			}
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
	for _, track := range [][]string{managerTrack, icTrack} {
		for i := 1; i < len(track); i++ {
			if m.Transition(track[i-1], track[i]) == nil {
				t.Errorf("no transition %s -> %s", track[i-1], track[i])
			}
		}
	}
	for _, r := range m.Roles {
		if r.Next != "" && m.Transition(r.ID, r.Next) == nil {
			t.Errorf("no transition for the default step %s -> %s", r.ID, r.Next)
		}
	}
}

// Every level of the scale is the bar of some role on every skill, so that
// every descriptor describes somebody's job.
func TestDefaultMatrixEveryLevelExpected(t *testing.T) {
	m := builtinMatrix(t)
	for _, s := range m.Skills {
		for lvl := 1; lvl <= m.MaxLevel(); lvl++ {
			found := false
			for _, r := range m.Roles {
				found = found || s.Expect[r.ID] == lvl
			}
			if !found {
				t.Errorf("skill %s: no role is expected at level %d", s.ID, lvl)
			}
		}
	}
}

// The bar rises with each step up a track: two adjacent roles expect the same
// level on at most a third of the skills. With five levels and seven roles on
// the manager track this is tight: every skill must run from 1 to 5 in single
// steps, and each step hold still on exactly a third of the skills.
func TestDefaultMatrixBarsRise(t *testing.T) {
	m := builtinMatrix(t)
	for _, track := range [][]string{managerTrack, icTrack} {
		for i := 1; i < len(track); i++ {
			lo, hi := track[i-1], track[i]
			var same []string
			for _, s := range m.Skills {
				if s.Expect[lo] == s.Expect[hi] {
					same = append(same, s.ID)
				}
			}
			if 3*len(same) > len(m.Skills) {
				t.Errorf("%s -> %s: the same bar on %d of %d skills, want at most a third: %v", lo, hi, len(same), len(m.Skills), same)
			}
		}
	}
}

// Every step up the scale that an audience needs has an action for it, so
// that no plan at that step lists none: people leaders up to the highest bar
// of a role that leads; everyone else up to the highest bar of a role that
// does not, or of the role it leads to.
func TestDefaultMatrixActionsForEveryStep(t *testing.T) {
	m := builtinMatrix(t)
	for _, s := range m.Skills {
		need := map[bool]int{}
		for _, r := range m.Roles {
			need[r.Leads] = max(need[r.Leads], s.Expect[r.ID])
			if !r.Leads && r.Next != "" {
				need[false] = max(need[false], s.Expect[r.Next])
			}
		}
		for _, leads := range []bool{false, true} {
			for to := 2; to <= need[leads]; to++ {
				n := 0
				for _, a := range s.Actions {
					if a.To == to && Audience(a.Leads, leads) {
						n++
					}
				}
				if n == 0 {
					t.Errorf("skill %s: no action to reach level %d for people with leads=%v", s.ID, to, leads)
				}
			}
		}
		for _, a := range s.Actions {
			if a.Leads != nil && *a.Leads && a.To <= 1 {
				t.Errorf("skill %s: leader action %q leads nowhere", s.ID, a.Text)
			}
		}
	}
}

// Every skill has questions for each band of the scale (getting started,
// proficient, leading), for people leaders and for everyone else.
func TestDefaultMatrixQuestionsForEveryBand(t *testing.T) {
	m := builtinMatrix(t)
	bands := []struct {
		name     string
		from, to int
	}{{"getting started (1-2)", 1, 2}, {"proficient (3)", 3, 3}, {"leading (4-5)", 4, 5}}
	for _, s := range m.Skills {
		for _, leads := range []bool{false, true} {
			for _, b := range bands {
				found := false
				for _, q := range s.Questions {
					found = found || q.Level >= b.from && q.Level <= b.to && Audience(q.Leads, leads)
				}
				if !found {
					t.Errorf("skill %s: no question for band %s for people with leads=%v", s.ID, b.name, leads)
				}
			}
		}
	}
}

// Every skill's resources mix kinds in the order a coach would offer them:
// a practice at work, a person to learn from, then reading; a reading names
// its author.
func TestDefaultMatrixResourcesMixKinds(t *testing.T) {
	m := builtinMatrix(t)
	for _, s := range m.Skills {
		var kinds []string
		for _, r := range s.Resources {
			if len(kinds) == 0 || kinds[len(kinds)-1] != r.Kind {
				kinds = append(kinds, r.Kind)
			}
			if r.Kind == "reading" && r.Author == "" {
				t.Errorf("skill %s: reading %q has no author", s.ID, r.Title)
			}
		}
		if diff := cmp.Diff(ResourceKinds, kinds); diff != "" {
			t.Errorf("skill %s: resource kinds in order (-want +got):\n%s", s.ID, diff)
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
