package skills

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// LoadSettings reads what Load reads of the settings, and finds the same
// problems in them, without the skill files: the plain Load is its twin.
func TestLoadSettings(t *testing.T) {
	person := func(name string) string { return "name = \"" + name + "\"\nrole = \"pm\"\n" + allLevels(t) }
	leaders := "[[leader]]\nid = \"alice\"\nname = \"Alice\"\n\n[[leader]]\nid = \"broken\"\nname = \"B\"\n\n" +
		"[[leader]]\nid = \"maya\"\nname = \"Maya\"\n\n[[leader]]\nid = \"alice\"\nname = \"Alice again\"\n\n" +
		"[[leader]]\nid = \"../matrix\"\nname = \"M\"\n"
	people := map[string]string{"alice": person("Alice"), "ben": person("Ben") + "manager = \"zed\"\n",
		"broken": "name = \"B\"\nname = \"B\"\n", "chloe": "name = 3\n"}
	tests := []struct {
		name  string
		files map[string]string // path -> content
		want  int               // problems in the settings
	}{
		{"no settings", nil, 0},
		// alice is a leader with a skill file, twice; broken's file does not
		// decode, maya has none, and ../matrix is not a file of skills/.
		{"leaders, their files and a shape", map[string]string{ConfigFile: leaders + "\n[team.shape]\npn = 3\n"}, 5},
		{"settings out of range", map[string]string{ConfigFile: "[team]\nmentor_capacity = 0\n"}, 1},
		{"a broken matrix", map[string]string{ConfigFile: leaders, MatrixFile: "[[skill]\n"}, 3},
		{"a stale schema", map[string]string{SchemaFile: "{}\n"}, 1},
		{"a broken coach.toml", map[string]string{ConfigFile: "[team\n"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			files := map[string]string{}
			for id, src := range people {
				files[SkillsDir+"/"+id+".toml"] = src
			}
			for p, src := range tt.files {
				files[p] = src
			}
			for p, src := range files {
				name := filepath.Join(dir, filepath.FromSlash(p))
				if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(name, []byte(src), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := Load(dir)
			if err != nil {
				t.Fatal(err)
			}
			got, err := LoadSettings(dir)
			if err != nil {
				t.Fatal(err)
			}
			inSkills := func(p string) bool { return strings.HasPrefix(p, SkillsDir+"/") }
			want.People = nil
			want.Files = slices.DeleteFunc(want.Files, inSkills)
			want.Problems = slices.DeleteFunc(want.Problems, func(p Problem) bool { return inSkills(p.Path) })
			if diff := cmp.Diff(want, got, cmpopts.EquateEmpty(), cmpopts.IgnoreUnexported(Repo{})); diff != "" {
				t.Errorf("(-Load +LoadSettings):\n%s", diff)
			}
			if len(got.Problems) != tt.want {
				t.Errorf("%d problems, want %d:\n%s", len(got.Problems), tt.want, strings.Join(problemStrings(got.Problems), "\n"))
			}
		})
	}
}
