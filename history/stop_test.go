package history

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/coach-dev/coach/history/synth"
	"github.com/coach-dev/coach/internal/atomicfile"
)

// cancelAfter is a context that is done after its first n checks: a
// cancellation at an exact point of the walk.
type cancelAfter struct {
	context.Context
	n atomic.Int64
}

func (c *cancelAfter) Err() error {
	if c.n.Add(-1) < 0 {
		return context.Canceled
	}
	return nil
}

// An interrupted walk stops with the context's error in either pass, and
// saves no cache and no temporary file.
func TestReadContextStops(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("needs the git binary")
	}
	dir := t.TempDir()
	if err := synth.Build(dir, synth.Options{People: 10, Commits: 120, Seed: 5}); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name   string
		checks int64
	}{
		{name: "before the walk", checks: 0},
		{name: "first pass", checks: 60},
		{name: "second pass", checks: 130},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ctx := &cancelAfter{Context: t.Context()}
			ctx.n.Store(tt.checks)
			if _, err := ReadContext(ctx, dir, Options{Workers: 1}); !errors.Is(err, context.Canceled) {
				t.Fatalf("ReadContext: got %v, want context.Canceled", err)
			}
			entries, _ := os.ReadDir(filepath.Join(dir, ".git", "coach"))
			for _, e := range entries {
				if e.Name() != "lock" {
					t.Errorf("an interrupted walk left .git/coach/%s", e.Name())
				}
			}
		})
	}
	if _, err := ReadContext(t.Context(), dir, Options{}); err != nil {
		t.Fatalf("ReadContext, not interrupted: %v", err)
	}
}

// The cache is saved holding .git/coach/lock; a run that finds the lock
// taken by another process saves nothing and still answers.
func TestCacheLock(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("needs the git binary")
	}
	dir := t.TempDir()
	if err := synth.Build(dir, synth.Options{People: 5, Commits: 20, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	writeConfig(t, dir) // only a coaching repository gets a cache
	if err := os.MkdirAll(filepath.Join(dir, ".git", "coach"), 0o755); err != nil {
		t.Fatal(err)
	}
	unlock, err := atomicfile.TryLock(filepath.Join(dir, ".git", "coach", "lock"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Read(dir, Options{}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(cachePath(filepath.Join(dir, ".git"))); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the cache was saved while another process held the lock: %v", err)
	}
	unlock()
	if _, err := Read(dir, Options{}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(cachePath(filepath.Join(dir, ".git"))); err != nil {
		t.Errorf("the cache was not saved once the lock was free: %v", err)
	}
}
