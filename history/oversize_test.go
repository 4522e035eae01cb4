package history

import (
	"fmt"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/coach-dev/coach/internal/gittest"
	"github.com/coach-dev/coach/skills"
	"github.com/google/go-cmp/cmp"
)

// allocated returns the bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// A skill file in git was inflated before the size limit was checked: 500 MB
// that packs to 0.5 MB cost 2.3 GB in `history` and crashed `diff`. The
// object's size is now read from its header (a loose object's, a pack
// entry's, or for a delta the delta's own) and a version over the limit is
// refused, named with its commit, without being inflated: loose, packed
// whole, and packed as a delta of another large version, through the
// mapped packs and through go-git's storage.
func TestOversizedVersionInflatedBeforeSizeLimit(t *testing.T) {
	g := gittest.New(t)
	dir := filepath.Join(t.TempDir(), "team")
	g.Run(filepath.Dir(dir), "init", "-q", "-b", "main", dir)
	small := "name = \"Alice\"\nrole = \"pm\"\n\n[levels]\ncommunication = 2\n"
	const big = 24 << 20
	huge := small + "# " + strings.Repeat("x", big) + "\n"
	g.Commit(dir, "Alice", "skills/alice.toml", small)
	g.Commit(dir, "Grow", "skills/alice.toml", huge)
	grown := g.Run(dir, "rev-parse", "--short=7", "HEAD")
	g.Commit(dir, "Grow more", "skills/alice.toml", huge+"# y\n")
	grownMore := g.Run(dir, "rev-parse", "--short=7", "HEAD")
	g.Commit(dir, "Shrink", "skills/alice.toml", strings.Replace(small, "= 2", "= 3", 1))

	warning := func(commit string, size int) string {
		return fmt.Sprintf("commit %s (2026-06-01): skipped skills/alice.toml, which is over coach's limits: skills/alice.toml: the file is %d bytes, over coach's limit of 256 KiB for a skill file; coach does not read it: remove what made it grow (git log -p skills/alice.toml shows what did)", commit, size)
	}
	wantWarnings := []string{warning(grownMore, len(huge)+4), warning(grown, len(huge))}
	const bound = 8 << 20 // a third of one version
	for _, layout := range []string{"loose", "packed"} {
		if layout == "packed" {
			g.Run(dir, "repack", "-adfq")
			if got := g.Run(dir, "count-objects", "-v"); !strings.Contains(got, "count: 0") {
				t.Fatalf("objects left loose:\n%s", got)
			}
			// One large version is a delta of the other (a line of
			// verify-pack with a depth and a base).
			packs, _ := filepath.Glob(filepath.Join(dir, ".git", "objects", "pack", "*.idx"))
			deltas := 0
			for _, line := range strings.Split(g.Run(dir, "verify-pack", "-v", packs[0]), "\n") {
				if f := strings.Fields(line); len(f) == 7 && f[1] == "blob" && f[2] != "0" {
					deltas++
				}
			}
			if deltas == 0 {
				t.Fatal("no blob is packed as a delta: the test covers less than it says")
			}
		}
		var res *Result
		var err error
		if n := allocated(func() { res, err = Read(dir, Options{NoCache: true}) }); n > bound {
			t.Errorf("%s: history allocated %d bytes, over %d", layout, n, bound)
		}
		if err != nil {
			t.Fatalf("%s: %v", layout, err)
		}
		if diff := cmp.Diff(wantWarnings, res.Warnings); diff != "" {
			t.Errorf("%s: warnings (-want +got):\n%s", layout, diff)
		}
		if !slices.ContainsFunc(res.Changes, func(c skills.Change) bool { return c.Skill == "communication" && c.From == "2" && c.To == "3" }) {
			t.Errorf("%s: the change from 2 to 3 across the large versions is missing: %+v", layout, res.Changes)
		}
		for _, packed := range []bool{true, false} {
			s, err := openSnapshots(dir, packed)
			if err != nil {
				t.Fatal(err)
			}
			var snap *Snapshot
			if n := allocated(func() { snap, err = s.At("HEAD~1") }); n > bound {
				t.Errorf("%s, mapped packs %v: the snapshot allocated %d bytes, over %d", layout, packed, n, bound)
			}
			s.Close()
			if err != nil {
				t.Fatalf("%s, mapped packs %v: %v", layout, packed, err)
			}
			want := fmt.Sprintf("skills/alice.toml: the file is %d bytes, over coach's limit of 256 KiB for a skill file; coach does not read it: remove what made it grow (git log -p skills/alice.toml shows what did)", len(huge)+4)
			if len(snap.Unread) != 1 || snap.Unread[0].String() != want || snap.Files["skills/alice.toml"] != nil {
				t.Errorf("%s, mapped packs %v: unread %v, want %s", layout, packed, snap.Unread, want)
			}
		}
	}
}
