package history

import (
	"slices"
	"testing"
	"time"

	"github.com/coach-dev/coach/skills"
	"github.com/google/go-cmp/cmp"
)

// Select, the streamed filter of coach history --all, keeps exactly what
// Between and Concerning keep of the same changes held whole.
func TestSelectKeepsWhatBetweenAndConcerningKeep(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 3, d, 9, 0, 0, 0, time.UTC) }
	changes := []skills.Change{
		{Commit: "a", Date: day(1), Kind: skills.KindLevel, Skill: "discovery"},
		{Commit: "b", Date: day(2), Kind: skills.KindLevel, Skill: "delivery"},
		{Commit: "c", Date: day(3), Kind: skills.KindLevel, Skill: "discovery"},
		{Commit: "d", Date: day(4), Kind: skills.KindRole},
	}
	tests := []struct {
		name         string
		since, until time.Time
		skill        string
		want         []string
	}{
		{"everything", time.Time{}, time.Time{}, "", []string{"a", "b", "c", "d"}},
		{"since", day(2), time.Time{}, "", []string{"b", "c", "d"}},
		{"until is open", time.Time{}, day(3), "", []string{"a", "b"}},
		{"skill", time.Time{}, time.Time{}, "discovery", []string{"a", "c"}},
		{"all three", day(2), day(4), "discovery", []string{"c"}},
	}
	commits := func(cs []skills.Change) []string {
		var out []string
		for _, c := range cs {
			out = append(out, c.Commit)
		}
		return out
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			whole := commits(Concerning(Between(changes, tt.since, tt.until), tt.skill))
			streamed := commits(slices.Collect(Select(slices.Values(changes), tt.since, tt.until, tt.skill)))
			if diff := cmp.Diff(tt.want, whole); diff != "" {
				t.Errorf("Concerning(Between) (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.want, streamed); diff != "" {
				t.Errorf("Select (-want +got):\n%s", diff)
			}
		})
	}
}
