package skills

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestCheckOrg loads repositories whose org tree is broken in every way
// coach check knows, and compares the problems it reports.
func TestCheckOrg(t *testing.T) {
	person := func(name, manager string) string {
		s := "name = \"" + name + "\"\nrole = \"pm\"\n"
		if manager != "" {
			s += "manager = \"" + manager + "\"\n"
		}
		return s + allLevels(t)
	}
	tests := []struct {
		name   string
		config string
		files  map[string]string
		want   []string
	}{
		{
			name:   "valid tree under a leader",
			config: "[[leader]]\nid = \"maya\"\nname = \"Maya Okafor\"\n",
			files: map[string]string{
				"priya": person("Priya Shah", "maya"),
				"sam":   person("Sam Lee", "priya"),
				"alice": person("Alice Example", "sam"),
				"ben":   person("Ben Okoro", ""),
			},
		},
		{
			name:   "unknown id with the closest suggested",
			config: "[[leader]]\nid = \"maya\"\nname = \"Maya Okafor\"\n",
			files: map[string]string{
				"sam-lee": person("Sam Lee", "maya"),
				"alice":   person("Alice Example", "sam-le"),
			},
			want: []string{`skills/alice.toml:3:11: unknown manager "sam-le"; did you mean "sam-lee"? a manager is a person id (a skill file's name) or a [[leader]] id in coach.toml`},
		},
		{
			name:   "a manager written as a name",
			config: "[[leader]]\nid = \"maya\"\nname = \"Maya Okafor\"\n",
			files:  map[string]string{"alice": person("Alice Example", "Maya Okafor")},
			want:   []string{`skills/alice.toml:3:11: unknown manager "Maya Okafor"; write the leader's id: manager = "maya"`},
		},
		{
			name:  "nobody close",
			files: map[string]string{"alice": person("Alice Example", "zed")},
			want:  []string{`skills/alice.toml:3:11: unknown manager "zed"; name a person id (a skill file's name), or declare a [[leader]] with that id and a name in coach.toml`},
		},
		{
			name:  "self-manager",
			files: map[string]string{"alice": person("Alice Example", "alice")},
			want:  []string{`skills/alice.toml:3:11: alice manages themselves; name their own manager's id, or leave manager out at the top of the tree`},
		},
		{
			name: "cycle named in full",
			files: map[string]string{
				"carol": person("Carol", "alice"),
				"alice": person("Alice", "bob"),
				"bob":   person("Bob", "carol"),
				"dan":   person("Dan", "bob"),
			},
			// At each member's manager key (a trial edited bob's file and
			// was told only in alice's).
			want: []string{
				`skills/alice.toml:3:11: the managers form a cycle: alice -> bob -> carol -> alice; one of them reports to someone outside the cycle: set that manager to a leader in coach.toml ([[leader]]) or to the person above them`,
				`skills/bob.toml:3:11: the managers form a cycle: bob -> carol -> alice -> bob; one of them reports to someone outside the cycle: set that manager to a leader in coach.toml ([[leader]]) or to the person above them`,
				`skills/carol.toml:3:11: the managers form a cycle: carol -> alice -> bob -> carol; one of them reports to someone outside the cycle: set that manager to a leader in coach.toml ([[leader]]) or to the person above them`,
			},
		},
		{
			name:   "leader with a skill file, unknown shape role",
			config: "[[leader]]\nid = \"alice\"\nname = \"Alice\"\n\n[team.shape]\npn = 3\n",
			files:  map[string]string{"alice": person("Alice", "")},
			want: []string{
				`coach.toml:2:6: leader "alice" also has a skill file; remove the [[leader]] "alice": skills/alice.toml has a skill file, which makes them a person of the tree already`,
				`coach.toml:6:1: unknown role "pn" in the team shape; did you mean "pm"?`,
			},
		},
		{
			name:   "team settings out of range",
			config: "[team]\nmentor_capacity = 0\nreview_cycle_days = -1\n",
			want: []string{
				`coach.toml:2:19: mentor_capacity 0 is out of range; use a number of mentees from 1 to 20; 2 is the default`,
				`coach.toml:3:21: review_cycle_days -1 is out of range; use a number of days from 1 to 3660; 90 is the default`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.MkdirAll(filepath.Join(dir, SkillsDir), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, ConfigFile), []byte(tt.config), 0o644); err != nil {
				t.Fatal(err)
			}
			for id, src := range tt.files {
				if err := os.WriteFile(filepath.Join(dir, SkillsDir, id+".toml"), []byte(src), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			r, err := Load(dir)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, problemStrings(r.Problems)); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

// LoadSome reads only the people asked for, lists every file, and makes no
// check across people (a manager it did not read is not missing).
func TestLoadSome(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, SkillsDir), 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"ana": "name = \"Ana\"\nrole = \"pm\"\nmanager = \"bo\"\n",
		"bo":  "name = \"Bo\"\nrole = \"pm\"\n",
		"cy":  "name = \"Cy\"\nrole = \"pm\"\nbroken = [\n",
	}
	for id, src := range files {
		if err := os.WriteFile(filepath.Join(dir, SkillsDir, id+".toml"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r, err := LoadSome(dir, func(id string) bool { return id == "ana" })
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, p := range r.People {
		ids = append(ids, p.ID)
	}
	if diff := cmp.Diff([]string{"ana"}, ids); diff != "" {
		t.Errorf("people (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"skills/ana.toml", "skills/bo.toml", "skills/cy.toml"}, r.Files); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
	for _, pr := range r.Problems {
		if pr.Path != "skills/ana.toml" {
			t.Errorf("a problem outside ana's file: %s", pr)
		}
	}
	all, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(all.People) != 2 || len(all.Problems) == 0 {
		t.Errorf("Load: %d people, problems %v; want 2 and cy's", len(all.People), problemStrings(all.Problems))
	}
}
