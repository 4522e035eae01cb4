package workspace

import (
	"os"
	"path/filepath"
	"testing"
)

// CoachPath names the place in a coaching repository a chart or an export
// must not be written into: every directory coach reads or writes, whole,
// and its two files.
func TestCoachPath(t *testing.T) {
	root := t.TempDir()
	for _, tc := range []struct{ file, want string }{
		{"skills/x.svg", "skills/"},
		{"reviews/2026-Q4/a.svg", "reviews/"},
		{"self/2026-Q4/a.md", "self/"},
		{"feedback/alice/x.age", "feedback/"},
		{"calibration/x.md", "calibration/"},
		{"coach.toml", "coach.toml"},
		{".git/x", ".git/"},
		{"team.svg", ""},
		{"docs/team.svg", ""},
		{"reviews.svg", ""},
	} {
		if got := CoachPath(root, filepath.Join(root, filepath.FromSlash(tc.file))); got != tc.want {
			t.Errorf("CoachPath(%s) = %q, want %q", tc.file, got, tc.want)
		}
	}
	if got := CoachPath(root, os.TempDir()); got != "" {
		t.Errorf("CoachPath outside the repository = %q, want \"\"", got)
	}
}
