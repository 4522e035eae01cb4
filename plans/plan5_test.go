package plans

import (
	"slices"
	"testing"

	"github.com/coach-dev/coach/skills"
)

// Cold read 20. Every person here is the test's own: the rules read the
// file.

// focusOrder is the plan's focus skills, by id, in order.
func focusOrder(pl *Plan) []string {
	var ids []string
	for _, f := range pl.Focus {
		ids = append(ids, f.ID)
	}
	return ids
}

// TestGapInTodaysJobBeforeTheStretch: for someone the verdict holds to the
// current role first, a gap in today's job comes before a goal's skill
// that is already at today's bar and only short of the next role's: that
// skill is a stretch to the next role, and the plan says it is about
// closing the gaps first.
func TestGapInTodaysJobBeforeTheStretch(t *testing.T) {
	m := matrix(t)
	bar := atBar(m, "director")
	p := &skills.Person{ID: "jo", Name: "Jo Brandt", Role: "director", Manager: "vic", Assessed: day("2026-10-20"),
		Levels: with(bar, map[string]int{"ux-discovery": bar["ux-discovery"] - 1}),
		Goals:  []skills.Goal{{Text: "Present the three-year plan to the board", Skills: []string{"communication"}, Due: day("2027-02-15")}}}
	vic := &skills.Person{ID: "vic", Name: "Vic Amadi", Role: "vp", Levels: atBar(m, "vp")}
	pl := build(t, p, vic)
	ids := focusOrder(pl)
	gap, goal := slices.Index(ids, "ux-discovery"), slices.Index(ids, "communication")
	if gap < 0 || goal < 0 || gap > goal {
		t.Errorf("focus %q: want the gap in today's job (ux-discovery) before the goal's stretch (communication), both in focus", ids)
	}
}
