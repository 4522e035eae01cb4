package plans

import (
	"slices"
	"testing"

	"github.com/coach-dev/coach/skills"
)

// Who commits to what (cold read 10, findings 5, 6 and 16): the rules are
// read from the files of people made up here, never from the example's.

// A calibration goal that names peers the repository does not have is
// quoted as written, and its re-wording suggested with the manager: never
// rewritten for the person.
func TestCalibrationGoalWithNobodyIsQuotedNotRewritten(t *testing.T) {
	m := matrix(t)
	pia := &skills.Person{ID: "pia", Name: "Pia Shah", Role: "director", Levels: atBar(m, "director"), Assessed: day("2026-11-01")}
	sam := &skills.Person{ID: "sam", Name: "Sam Lo", Role: "gpm", Manager: "pia", Levels: atBar(m, "gpm"), Assessed: day("2026-11-17"),
		Goals: []skills.Goal{{Text: "Run a calibration session with the other GPMs before the January reviews", Skills: []string{"career-development"}, Due: day("2027-01-15")}}}
	ann := &skills.Person{ID: "ann", Name: "Ann Ek", Role: "senior-pm", Manager: "pia", Levels: atBar(m, "senior-pm"), Assessed: day("2026-11-10")}
	gus := &skills.Person{ID: "gus", Name: "Gus Bo", Role: "gpm", Manager: "pia", Levels: atBar(m, "gpm"), Assessed: day("2026-11-10")}
	for _, tt := range []struct {
		name string
		team []*skills.Person
		want string
	}{
		{"nobody else who leads people under the leader", []*skills.Person{pia, sam, ann},
			"\"Run a calibration session with the other GPMs before the January reviews\" cannot be done as written, as no other Group Product Manager reports to Pia: re-word the goal with Pia at your next 1:1."},
		{"a peer who leads people", []*skills.Person{pia, sam, ann, gus},
			"\"Run a calibration session with the other GPMs before the January reviews\" done, with Gus."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			plans, _ := teamOf(t, skills.DefaultConfig(), tt.team, nil)
			if !slices.ContainsFunc(plans["sam"].Milestones, func(ms Milestone) bool { return ms.Text == tt.want }) {
				t.Errorf("milestones = %+v, want one %q", plans["sam"].Milestones, tt.want)
			}
		})
	}
}
