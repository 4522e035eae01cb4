package skills

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// A goal's end: done or dropped, not both, no later than the assessment,
// and an outcome only for a goal that ended; each finding at its line.
func TestGoalOutcomeChecks(t *testing.T) {
	m := defaultMatrix(t)
	head := "name = \"Alice\"\nrole = \"pm\"\nassessed = 2026-11-10\n" + allLevels(t)
	tests := []struct {
		name, goal string
		want       []string
	}{
		{"done before the assessment", "text = \"Ship it\"\ndone = 2026-11-06\noutcome = \"Shipped\"\n", nil},
		{"done after the assessment", "text = \"Ship it\"\ndone = 2026-11-12\n",
			[]string{"skills/alice.toml:LINE+1:8: goal done on 2026-11-12, after this assessment (assessed = 2026-11-10); correct the date, or set assessed to 2026-11-12 or later: the assessment records how the goal ended"}},
		{"dropped after the assessment", "text = \"Ship it\"\ndropped = 2027-01-01\n",
			[]string{"skills/alice.toml:LINE+1:11: goal dropped on 2027-01-01, after this assessment (assessed = 2026-11-10); correct the date, or set assessed to 2027-01-01 or later: the assessment records how the goal ended"}},
		{"both", "text = \"Ship it\"\ndone = 2026-11-01\ndropped = 2026-11-02\n",
			[]string{"skills/alice.toml:LINE+2:1: a goal cannot be both done and dropped; keep done if the goal was met, dropped if it was given up, not both"}},
		{"outcome of an open goal", "text = \"Ship it\"\noutcome = \"Shipped\"\n",
			[]string{"skills/alice.toml:LINE+1:1: warning: an outcome for a goal that has not ended; add done = YYYY-MM-DD or dropped = YYYY-MM-DD, the day the goal ended"}},
		{"quoted date", "text = \"Ship it\"\ndone = \"2026-11-01\"\n",
			[]string{"skills/alice.toml:LINE+1:8: done must be a date, not a string; remove the quotes: done = 2026-11-01"}},
	}
	goalLine := countLines(head) + 3 // the text line, after a blank line and [[goal]]
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ps := DecodePerson("skills/alice.toml", []byte(head+"\n[[goal]]\n"+tt.goal), m)
			var want []string
			for _, w := range tt.want {
				want = append(want, expandLine(w, goalLine))
			}
			if diff := cmp.Diff(want, problemStrings(ps)); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

func countLines(s string) int { return strings.Count(s, "\n") }

// expandLine replaces LINE+k in w with the line number base+k.
func expandLine(w string, base int) string {
	for k := range 5 {
		w = strings.ReplaceAll(w, "LINE+"+strconv.Itoa(k), strconv.Itoa(base+k))
	}
	return w
}

// Diff reports a goal that ended, once, with its outcome's words, and not
// again when nothing about its end changed.
func TestDiffGoalOutcome(t *testing.T) {
	day := time.Date(2026, 11, 6, 0, 0, 0, 0, time.UTC)
	open := &Person{ID: "alice", Goals: []Goal{{Text: "Ship it", Skills: []string{"delegation"}}}}
	done := &Person{ID: "alice", Goals: []Goal{{Text: "Ship it", Skills: []string{"delegation"}, Done: day, Outcome: "Shipped on time"}}}
	want := []Change{{Person: "alice", Kind: KindOutcome, Skill: "delegation", Skills: []string{"delegation"},
		From: "Shipped on time", To: GoalDone, Text: "Ship it", On: day}}
	if diff := cmp.Diff(want, Diff(open, done)); diff != "" {
		t.Errorf("open -> done (-want +got):\n%s", diff)
	}
	if got := Diff(done, done); len(got) != 0 {
		t.Errorf("done -> done: %v, want no change", got)
	}
	if got := done.OpenGoals(); len(got) != 0 {
		t.Errorf("OpenGoals of a person whose one goal is done: %v", got)
	}
}
