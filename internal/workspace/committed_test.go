package workspace

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/coach-dev/coach/history"
)

// committed reads a committed file only when the work tree's differs from
// it by hash; what it returns is what reading every file at HEAD gave.
func TestCommittedReadsOnlyWhatDiffers(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Join(dir, "skills"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-c", "user.name=T", "-c", "user.email=t@example.com"}, args...)...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git("init", "-q")
	write("skills/alice.toml", "name = \"Alice\"\n")
	write("skills/ben.toml", "name = \"Ben\"\n")
	git("add", ".")
	git("commit", "-q", "-m", "people")

	snaps, err := history.OpenSnapshots(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer snaps.Close()
	snap, err := snaps.HashesAt("")
	if err != nil {
		t.Fatal(err)
	}
	full, err := snaps.At("")
	if err != nil {
		t.Fatal(err)
	}
	c := &committed{snaps: snaps, snap: snap}
	for _, tt := range []struct {
		file, current, want string
		none                bool
	}{
		{file: "skills/alice.toml", current: "name = \"Alice\"\n", want: "name = \"Alice\"\n"},
		{file: "skills/ben.toml", current: "name = \"Ben Li\"\n", want: "name = \"Ben\"\n"},
		{file: "skills/ben.toml", current: "name = \"Ben\"\r\n", want: "name = \"Ben\"\n"},
		{file: "skills/chloe.toml", current: "name = \"Chloe\"\n", none: true},
	} {
		got, err := c.file(tt.file, []byte(tt.current))
		if err != nil {
			t.Fatalf("%s: %v", tt.file, err)
		}
		if tt.none {
			if got != nil {
				t.Errorf("%s, not committed: got %q, want nil", tt.file, got)
			}
			continue
		}
		if string(got) != tt.want || string(full.Files[tt.file]) != tt.want {
			t.Errorf("%s with %q in the work tree: got %q (At: %q), want %q", tt.file, tt.current, got, full.Files[tt.file], tt.want)
		}
	}
}
