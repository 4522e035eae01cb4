package history

import (
	"testing"

	"github.com/coach-dev/coach/history/synth"
	"github.com/coach-dev/coach/internal/gittest"
	"github.com/google/go-cmp/cmp"
)

// Snapshots read from the mapped packs, several through one Snapshots, are
// the snapshots go-git's storage reads one at a time: packed objects, loose
// ones written after the pack, renamed files and merges.
func TestSnapshotsPacked(t *testing.T) {
	g := gittest.New(t)
	dir := t.TempDir()
	if err := synth.Build(dir, synth.Options{People: 12, Commits: 150, MergeEvery: 10, RenameEvery: 17, Seed: 5}); err != nil {
		t.Fatal(err)
	}
	g.Commit(dir, "A loose commit", "skills/p0003.toml", "name = \"Person 0003\"\nrole = \"pm\"\n")
	g.Run(dir, "branch", "-q", "side", "HEAD~9")
	revs := []string{"HEAD", "HEAD~1", "HEAD~2", "HEAD~9", "HEAD~8^2", "HEAD~8^2~1", "main~60", "side", "HEAD~100"}

	packed, err := openSnapshots(dir, true)
	if err != nil {
		t.Fatal(err)
	}
	defer packed.Close()
	for _, rev := range revs {
		got, err := packed.At(rev)
		if err != nil {
			t.Fatalf("%s: %v", rev, err)
		}
		plain, err := openSnapshots(dir, false)
		if err != nil {
			t.Fatal(err)
		}
		want, err := plain.At(rev)
		plain.Close()
		if err != nil {
			t.Fatalf("%s: %v", rev, err)
		}
		if len(want.Files) == 0 {
			t.Fatalf("%s has no skill files: it tests nothing", rev)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s (-go-git +packed):\n%s", rev, diff)
		}
	}

	if packed.w.obj.PackReads() == 0 {
		t.Fatal("no object was read from the packs: the test compares go-git with itself")
	}

	g.Run(dir, "checkout", "-q", "-b", "topic", "HEAD~3")
	g.Commit(dir, "On the topic", "skills/p0005.toml", "name = \"Person 0005\"\nrole = \"gpm\"\n")
	plain, err := openSnapshots(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	defer plain.Close()
	want, err := plain.DefaultBase()
	if err != nil {
		t.Fatal(err)
	}
	got, err := packed.DefaultBase()
	if err != nil {
		t.Fatal(err)
	}
	if want.Rev != "merge base with main" {
		t.Fatalf("the default base is %q, want the merge base with main", want.Rev)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("the default base (-go-git +packed):\n%s", diff)
	}
}

// openSnapshots is OpenSnapshots, reading every object through go-git's
// storage unless packed: the twin the mapped packs are tested against.
func openSnapshots(root string, packed bool) (*Snapshots, error) {
	s, err := OpenSnapshots(root)
	if err != nil || packed {
		return s, err
	}
	s.st = s.repo.Storer
	return s, nil
}
