package plans

import (
	"slices"
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

// TestTeammatesAreAskedDifferentQuestions: a question a teammate before
// the person has this week, in the same wording with their own goal or
// ratings in it, passes its turn to the next wording (cold read 10: one
// question for several people in one week). AskKey tells one wording with
// two goals in it from two wordings.
func TestTeammatesAreAskedDifferentQuestions(t *testing.T) {
	dana := &skills.Person{ID: "dana", Name: "Dana Whitfield", Goals: []skills.Goal{{Text: "Meet the five largest bank partners again and rebuild the partner map"}}}
	ivy := &skills.Person{ID: "ivy", Name: "Ivy Chen", Goals: []skills.Goal{{Text: "Run the refund-flow usability tests with Design"}}}
	notice := func(p *skills.Person) string { return ownWorkAgain(&p.Goals[0])[0] }
	if AskKey(dana, notice(dana)) != AskKey(ivy, notice(ivy)) {
		t.Errorf("one wording, two goals: %q and %q", AskKey(dana, notice(dana)), AskKey(ivy, notice(ivy)))
	}
	if got, want := ownWorkAgain(&ivy.Goals[0])[1], "Which assumption under the refund-flow usability tests have you not yet checked with someone who could prove it wrong?"; got != want {
		t.Errorf("the second wording: %q, want %q", got, want)
	}
	// A check-in's words that are in a goal are not the person's own:
	// "again" of Dana's goal stays in the key.
	if got, want := AskKey(dana, "If you started this week again, what would you do differently?"), "if you started this week again what would you do differently"; got != want {
		t.Errorf("check-in key %q, want %q", got, want)
	}
	// Feedback: the prompt of the person's turn, unless a teammate has it.
	focus := &WeekFocus{SkillRef: SkillRef{ID: "discovery", Name: "Product discovery and UX"}}
	goal := ivy.Goals[0].Text
	for n := 1; n <= 6; n++ {
		alone := feedbackPrompts("ivy", "Ivy", n, focus, goal, false, false, nil)[0]
		if alone != "For Ivy: your first step on “"+goal+"”, and what you want my view on before you take it." {
			continue
		}
		taken := func(q string) bool {
			return AskKey(ivy, q) == AskKey(dana, "For Dana: your first step on “Meet the five largest bank partners again and rebuild the partner map”, and what you want my view on before you take it.")
		}
		got := feedbackPrompts("ivy", "Ivy", n, focus, goal, false, false, taken)[0]
		if want := "For Ivy: name the piece of product discovery and UX you most want my view on."; got != want {
			t.Errorf("with Dana's prompt taken: %q, want %q", got, want)
		}
		return
	}
	t.Fatalf("no agenda asks Ivy for the first step")
}

// TestRatingsDifferenceWordings: a difference of ratings has its ways of
// being opened, each with the person's own ratings in it.
func TestRatingsDifferenceWordings(t *testing.T) {
	p := &skills.Person{Self: map[string]int{"a": 3, "b": 1}, Levels: map[string]int{"a": 2, "b": 2}}
	want := map[string][]string{
		"a": {
			"You rate yourself 3 here and I rate you 2, so what have you done at 3 that I may not have seen?",
			"You put yourself at 3 here and I put you at 2: which piece of your work should I look at again before we settle it?",
			"You rate yourself 3 and I rate you 2 here: which one example would you put in front of a calibration panel to make your case?",
		},
		"b": {
			"You rate yourself 1 here and I rate you 2, so what makes you say 1?",
			"You put yourself at 1 here and I put you at 2: what do you see missing from your work that I do not?",
		},
	}
	for id, w := range want {
		if got := disagreements(p, id); !slices.Equal(got, w) {
			t.Errorf("%s: %q, want %q", id, got, w)
		}
	}
}
