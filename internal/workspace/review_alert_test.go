package workspace

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/coach-dev/coach/plans"
)

// Trial finding 7: notes changed only in the working tree read "committed
// by the working tree (not committed)".
func TestUncommittedNotesAreNotCommitted(t *testing.T) {
	review := func(n *plans.NotesReview) *plans.Review {
		return &plans.Review{People: []plans.PersonReview{{ID: "alice", Name: "Alice Example", Notes: n}}}
	}
	commit := plans.NotesCommit{Commit: "758bea8c0ffee", Committer: "Maya Okafor", CommitterEmail: "maya@example.com",
		Author: "Maya Okafor", AuthorEmail: "maya@example.com"}
	tests := []struct {
		notes *plans.NotesReview
		want  string
	}{
		{&plans.NotesReview{Uncommitted: true},
			"**Private notes changed**: Alice Example (alice), changed in the working tree, not committed yet."},
		{&plans.NotesReview{Commits: []plans.NotesCommit{commit}, Uncommitted: true},
			"**Private notes changed**: Alice Example (alice), committed by Maya Okafor &lt;maya@example.com> in 758bea8, and changed in the working tree, not committed yet."},
	}
	for _, tt := range tests {
		got := ReviewAlert(review(tt.notes))
		if !strings.Contains(got, tt.want) {
			t.Errorf("got\n%s\nwant it to hold\n%s", got, tt.want)
		}
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
			got := string(FitComment([]byte(tt.in), 300))
			if !tt.cut {
				if got != tt.in {
					t.Errorf("FitComment changed a summary under the limit: %q", got)
				}
				return
			}
			if len(got) > 300 || !utf8.ValidString(got) || !strings.HasSuffix(got, "**This summary was cut here**: it is longer than a pull-request comment may be. Run `coach diff` on the branch for all of it.\n") {
				t.Errorf("FitComment = %q (%d bytes)", got, len(got))
			}
			kept := strings.TrimSuffix(got, "**This summary was cut here**: it is longer than a pull-request comment may be. Run `coach diff` on the branch for all of it.\n")
			if kept != "" && (!strings.HasSuffix(kept, "\n\n") || !strings.HasPrefix(tt.in, strings.TrimSuffix(kept, "\n\n"))) {
				t.Errorf("FitComment kept %q, not a prefix of whole lines", kept)
			}
		})
	}
}
