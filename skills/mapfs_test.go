package skills

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestMapFS(t *testing.T) {
	m := MapFS{"coach.toml": []byte("x"), "skills/a.toml": []byte("a = 1\n"), "skills/b.toml": nil, "templates/plan.md.tmpl": []byte("{{.}}")}
	if err := fstest.TestFS(m, "coach.toml", "skills/a.toml", "skills/b.toml", "templates/plan.md.tmpl"); err != nil {
		t.Fatal(err)
	}
	if _, err := m.Open("plans"); !os.IsNotExist(err) {
		t.Errorf("a directory no path implies: got %v, want fs.ErrNotExist", err)
	}
}

// A repository read from a MapFS of its files is the repository read from
// the work tree: the same people, files and problems, a file over its
// limit refused the same way.
func TestLoadFSIsLoad(t *testing.T) {
	files := map[string]string{
		ConfigFile:          "[[leader]]\nid = \"sam\"\nname = \"Sam\"\n",
		"skills/alice.toml": "name = \"Alice\"\nrole = \"pm\"\nmanager = \"sam\"\n\n[levels]\nnegotiation = 2\n",
		"skills/ben.toml":   "name = \"Ben\"\nrole = \"pm\"\nmanager = \"alice\"\n\n[levels]\nnegotiation = 9\n",
		"skills/big.toml":   "name = \"Big\"\n# " + strings.Repeat("x", MaxSkillFileSize) + "\n",
		"skills/Odd.TOML":   "name = \"Odd\"\n",
	}
	dir := t.TempDir()
	m := MapFS{}
	for rel, data := range files {
		file := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		m[rel] = []byte(data)
	}
	want, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	got, err := LoadFS(dir, m)
	if err != nil {
		t.Fatal(err)
	}
	if len(want.People) != 2 || want.Problems.Errors() < 3 {
		t.Fatalf("the test's repository: %d people, problems %v", len(want.People), want.Problems)
	}
	if diff := cmp.Diff(want, got, cmpopts.IgnoreUnexported(Repo{})); diff != "" {
		t.Errorf("(-work tree +MapFS):\n%s", diff)
	}
	if !got.InMemory() || want.InMemory() {
		t.Error("InMemory is wrong")
	}
	if _, err := got.Person("big"); err == nil || !strings.Contains(err.Error(), "skills/big.toml") {
		t.Errorf("Person of a file over its limit: got %v, want its problem", err)
	}
	src, err := fs.ReadFile(got.FS(), "skills/alice.toml")
	if err != nil || string(src) != files["skills/alice.toml"] {
		t.Errorf("FS reads %q, %v", src, err)
	}
}
