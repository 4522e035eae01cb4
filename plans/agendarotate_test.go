package plans

import (
	"testing"

	"github.com/coach-dev/coach/skills"
)

// TestWrittenGoalsStartTheirOwnWay: two people of one week whose goals
// are both documents, or both presentations, start them different ways:
// the second is handed the first way of starting no teammate before them
// has, with their own goal in it, and what would show it follows the way
// (cold read 10: "Write the paragraph that opens…" and "Write the three
// things…" each for two people in one week).
func TestWrittenGoalsStartTheirOwnWay(t *testing.T) {
	on := day("2026-11-17")
	f := Focus{SkillRef: SkillRef{ID: "communication", Name: "Communication up, down and sideways"}, Level: LevelText{Value: 3}, Next: LevelText{Value: 4, Name: "Leading"}}
	for _, c := range []struct {
		mine                              skills.Goal
		themGoal, theirs, alone, got, evd string
	}{{
		mine:     skills.Goal{Text: "Run the Q1 disputes roadmap and present it to Risk and Operations", Due: day("2027-01-15")},
		themGoal: "Present the 2027 checkout roadmap to the leadership team",
		theirs:   "Write the three things the leadership team must take away from the 2027 checkout roadmap, a line each, and test them on one person who knows them before our next 1:1.",
		alone:    "Write the three things Risk and Operations must take away from the Q1 disputes roadmap, a line each, and test them on one person who knows them before our next 1:1.",
		got:      "Write down the one decision you want Risk and Operations to take on the Q1 disputes roadmap, and the question they are most likely to ask before taking it; bring both, with your answer, to our next 1:1.",
		evd:      "The decision you will ask Risk and Operations for, the question you expect, and your answer to it.",
	}, {
		mine:     skills.Goal{Text: "Write the platform pricing brief that the three product lines sign up to", Due: day("2026-12-15")},
		themGoal: "Write the two-page strategy",
		theirs:   "Write the paragraph that opens the two-page strategy before our next 1:1, what it decides and why, and bring the decision you found hardest to put in words.",
		alone:    "Write the paragraph that opens the platform pricing brief before our next 1:1, what it decides and why, and bring the decision you found hardest to put in words.",
		got:      "Write the first page of the platform pricing brief before our next 1:1, and bring the question it left open.",
		evd:      "The first page, and the question it left open.",
	}} {
		me := &skills.Person{ID: "me", Goals: []skills.Goal{c.mine}}
		them := &skills.Person{ID: "them", Goals: []skills.Goal{{Text: c.themGoal}}}
		action := Action{Text: c.mine.Text + "."}
		alone, _ := weeklyTryAt(action, me, f, on, "", 0, 0, nil, nil)
		if alone.Text != c.alone {
			t.Errorf("alone: %q, want %q", alone.Text, c.alone)
		}
		// The teammate's first step is the same way of starting, with
		// their own goal in it.
		mate := func(text string) bool { return TryKey(me, text) == TryKey(them, c.theirs) }
		if !mate(c.alone) {
			t.Fatalf("%q and %q read as two ways", c.alone, c.theirs)
		}
		got, _ := weeklyTryAt(action, me, f, on, "", 0, 0, nil, mate)
		if got.Text != c.got || got.Evidence != c.evd {
			t.Errorf("with %q taken:\n%q / %q\nwant\n%q / %q", c.theirs, got.Text, got.Evidence, c.got, c.evd)
		}
	}
	slide := goalStepAt(skills.Goal{Text: "Present the 2027 checkout roadmap to the leadership team", Due: day("2027-02-15")}, on, nil, "", false, 2)
	if want := "Draft the first slide of the 2027 checkout roadmap as the leadership team will see it, one headline sentence and the one number behind it, and bring it to our next 1:1."; slide != want {
		t.Errorf("the third way: %q, want %q", slide, want)
	}
}
