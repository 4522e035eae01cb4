package plans

import (
	"slices"
	"strings"
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

// TestSharedGoalLeadsEachFocus: a goal that names two focus skills is the
// first action of both (cold read 20, finding 2: a pricing brief led one
// focus, and the other opened with the matrix's generic action); said in
// full once, and the second time with what it asks of that skill.
func TestSharedGoalLeadsEachFocus(t *testing.T) {
	m := matrix(t)
	bar := atBar(m, "gpm")
	const goal = "Write the platform pricing brief that the three product lines sign up to"
	p := &skills.Person{ID: "jo", Name: "Jo Brandt", Role: "senior-pm", Target: "gpm", Manager: "vic", Assessed: day("2026-11-17"),
		Levels: with(bar, map[string]int{"stakeholder-relationships": bar["stakeholder-relationships"] - 1, "business-acumen": bar["business-acumen"] - 1}),
		Goals:  []skills.Goal{{Text: goal, Skills: []string{"stakeholder-relationships", "business-acumen"}, Due: day("2026-12-15")}}}
	vic := &skills.Person{ID: "vic", Name: "Vic Amadi", Role: "director", Levels: atBar(m, "director")}
	pl := build(t, p, vic)
	n := 0
	for _, f := range pl.Focus {
		if !slices.Contains(f.Goals, goal) {
			continue
		}
		n++
		if len(f.Actions) == 0 || !strings.HasPrefix(f.Actions[0].Text, goal) {
			t.Errorf("%s: first action %v, want the person's goal", f.ID, f.Actions)
		}
	}
	if n != 2 {
		t.Errorf("focus %q: want both skills the goal names", focusOrder(pl))
	}
}

// TestNoMentorInOwnFocus: a skill that is someone's own focus is not also
// theirs to teach (cold read 20, finding 2: "you mentor Sam Lee in
// business acumen" beside business acumen as the mentor's own focus).
func TestNoMentorInOwnFocus(t *testing.T) {
	m := matrix(t)
	team := []*skills.Person{
		{ID: "ann", Name: "ann", Role: "pm", Levels: map[string]int{"business-acumen": 2}},
		withExamples(&skills.Person{ID: "bo", Name: "bo", Role: "principal-pm", Levels: map[string]int{"business-acumen": 4}}),
	}
	focus := map[string][]string{"ann": {"business-acumen"}, "bo": {"business-acumen"}}
	if pairs := Match(m, team, focus, 2, nil); len(pairs) != 0 {
		t.Errorf("pairs %v: bo's own focus is business acumen, not theirs to teach", pairs)
	}
	delete(focus, "bo")
	if pairs := Match(m, team, focus, 2, nil); len(pairs) != 1 {
		t.Errorf("pairs %v, want bo to mentor ann when it is not bo's focus", pairs)
	}
}

// TestOnePairSaidInTheSingular: a count of one mentoring pair says its
// people in the singular too (cold read 20, finding 5: "One mentoring pair
// running for a quarter and the juniors' development plans").
func TestOnePairSaidInTheSingular(t *testing.T) {
	for _, tc := range []struct {
		in   string
		k    int
		want string
	}{
		{"Three mentoring pairs running for a quarter and the juniors' development plans showing progress.", 1,
			"One mentoring pair running for a quarter and the junior's development plan showing progress."},
		{"Three mentoring pairs running for a quarter and the juniors' development plans showing progress.", 2,
			"Two mentoring pairs running for a quarter and the juniors' development plans showing progress."},
		{"Pair each senior PM in the group with a junior one, coach the seniors on how they coach, and review the pairs monthly.", 1,
			"Pair each senior PM in the group with a junior one, coach the senior on how they coach, and review the pair monthly."},
		{"Pair each senior PM in the group with a junior one, coach the seniors on how they coach, and review the pairs monthly.", 2,
			"Pair each senior PM in the group with a junior one, coach the seniors on how they coach, and review the pairs monthly."},
	} {
		if got := pairsFromTeam(tc.in, tc.k); got != tc.want {
			t.Errorf("pairsFromTeam(%q, %d)\n got %q\nwant %q", tc.in, tc.k, got, tc.want)
		}
	}
}
