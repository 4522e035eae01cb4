package main

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/coach-dev/coach/history/synth"
)

// BenchmarkDiff is coach diff of a pull request that changed one file, in a
// synthetic repository of 2,000 people and 5,000 commits (built once into
// the temporary directory): between two revisions, and against the working
// tree. Its time should not grow with the commits, only with the people.
func BenchmarkDiff(b *testing.B) {
	if _, err := exec.LookPath("git"); err != nil {
		b.Skip("needs the git binary")
	}
	const people, commits = 2000, 5000
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("coach-bench-diff-%dp-%dc", people, commits))
	done := filepath.Join(dir, ".git", "synth-complete")
	if _, err := os.Stat(done); err != nil {
		os.RemoveAll(dir)
		if err := synth.Build(dir, synth.Options{People: people, Commits: commits, MergeEvery: 50, RenameEvery: 333, Seed: 1}); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(done, nil, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	for _, bc := range []struct {
		name string
		opts diffOptions
	}{
		{"revisions", diffOptions{Dir: dir, Base: "HEAD~1", Head: "HEAD", Format: "md"}},
		{"worktree", diffOptions{Dir: dir, Base: "HEAD~1", Format: "md"}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				if err := runDiff(b.Context(), bc.opts, io.Discard, newReport(io.Discard)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
