package main

import (
	"strings"
	"testing"

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
		got := reviewAlert(review(tt.notes))
		if !strings.Contains(got, tt.want) {
			t.Errorf("got\n%s\nwant it to hold\n%s", got, tt.want)
		}
	}
}
