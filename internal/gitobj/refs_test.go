package gitobj

import (
	"path/filepath"
	"reflect"
	"testing"

	"github.com/coach-dev/coach/internal/gittest"
)

// RefNames lists branches, tags and remote-tracking branches, loose and
// packed, once each and sorted, from a linked worktree too; names are as
// git stores them (the caller checks them before a shell sees them).
func TestRefNames(t *testing.T) {
	g := gittest.New(t)
	dir := t.TempDir()
	g.Run(dir, "init", "-q", "-b", "main")
	g.Run(dir, "commit", "-q", "--allow-empty", "-m", "first")
	g.Run(dir, "branch", "team/alice")
	g.Run(dir, "tag", "v1.0")
	g.Run(dir, "pack-refs", "--all")
	g.Run(dir, "branch", "$(touch${IFS}x)")
	g.Run(dir, "update-ref", "refs/remotes/origin/main", "HEAD")
	g.Run(dir, "symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/main")
	g.Run(dir, "update-ref", "refs/notes/commits", "HEAD")
	want := []string{"$(touch${IFS}x)", "main", "origin/main", "team/alice", "v1.0"}
	got, err := RefNames(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("RefNames = %q, want %q", got, want)
	}
	wt := filepath.Join(t.TempDir(), "wt")
	g.Run(dir, "worktree", "add", "-q", "-b", "review", wt)
	got, err = RefNames(wt)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"$(touch${IFS}x)", "main", "origin/main", "review", "team/alice", "v1.0"}; !reflect.DeepEqual(got, want) {
		t.Errorf("RefNames in a worktree = %q, want %q", got, want)
	}
	if _, err := RefNames(t.TempDir()); err == nil {
		t.Error("RefNames outside a repository: no error")
	}
}
