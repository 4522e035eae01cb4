package history

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/coach-dev/coach/internal/gittest"
	"github.com/google/go-cmp/cmp"
)

// StagedFiles reads what the index holds, not the working tree: a file
// edited after git add is read as added, one staged for deletion is absent,
// and files coach does not read are left out.
func TestStagedFilesReadsTheIndex(t *testing.T) {
	g := gittest.New(t)
	dir := t.TempDir()
	g.Run(dir, "init", "-q", "-b", "main")
	write := func(rel, content string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(rel)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, rel), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("skills/alice.toml", "name = \"Alice\"\n")
	write("skills/bob.toml", "name = \"Bob\"\n")
	write("notes.txt", "not coach's\n")
	g.Run(dir, "add", ".")
	g.Run(dir, "commit", "-q", "-m", "Add Alice and Bob")
	write("skills/alice.toml", "name = \"Alice Example\"\n")
	g.Run(dir, "add", "skills/alice.toml")
	write("skills/alice.toml", "name = \"not staged\"\n")
	g.Run(dir, "rm", "-q", "--cached", "skills/bob.toml")

	got, err := StagedFiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]byte{"skills/alice.toml": []byte("name = \"Alice Example\"\n")}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("StagedFiles (-want +got):\n%s", diff)
	}
}
