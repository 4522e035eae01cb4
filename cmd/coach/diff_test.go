package main

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

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

// Issue 21: a 200 KB name made the PR comment too long for GitHub. However
// long the summary, --comment fits it under the limit, whole lines and
// whole characters, and says it was cut.
func TestFitCommentCapsTheComment(t *testing.T) {
	long := strings.Repeat("é", 100_000)
	for _, tt := range []struct {
		name, in string
		cut      bool
	}{
		{"short", "## Skill changes\n\nNo changes.\n", false},
		{"exactly the limit", strings.Repeat("a", 299) + "\n", false},
		{"many lines", strings.Repeat("- a line of evidence\n", 40), true},
		{"one long line", "## Skill changes\n\n### " + long + "\n", true},
		{"one long line first", long, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := string(fitComment([]byte(tt.in), 300))
			if !tt.cut {
				if got != tt.in {
					t.Errorf("fitComment changed a summary under the limit: %q", got)
				}
				return
			}
			if len(got) > 300 || !utf8.ValidString(got) || !strings.HasSuffix(got, "**This summary was cut here**: it is longer than a pull-request comment may be. Run `coach diff` on the branch for all of it.\n") {
				t.Errorf("fitComment = %q (%d bytes)", got, len(got))
			}
			kept := strings.TrimSuffix(got, "**This summary was cut here**: it is longer than a pull-request comment may be. Run `coach diff` on the branch for all of it.\n")
			if kept != "" && (!strings.HasSuffix(kept, "\n\n") || !strings.HasPrefix(tt.in, strings.TrimSuffix(kept, "\n\n"))) {
				t.Errorf("fitComment kept %q, not a prefix of whole lines", kept)
			}
		})
	}
}
