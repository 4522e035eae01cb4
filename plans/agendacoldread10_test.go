package plans

import (
	"testing"
	"time"

	"github.com/coach-dev/coach/skills"
)

// The agenda findings of cold read 10, each as the exact sentence an
// agenda now says (or no longer says).

// TestReportsLateGoalAskedAsTheirAgreement: a leader of leaders is asked
// what they will agree with their report about the report's goal past its
// date, never "a new date from you, or a decision from me?" (finding 19).
func TestReportsLateGoalAskedAsTheirAgreement(t *testing.T) {
	if got, want := goalAsk(1, "Marcus"), "what will you and Marcus agree on it: a new date that holds, a smaller goal, or letting it go?"; got != want {
		t.Errorf("goalAsk(1) = %q, want %q", got, want)
	}
	for n := range 3 {
		if got := goalAsk(n, "Marcus"); got == "a new date from you, or a decision from me?" {
			t.Errorf("goalAsk(%d) asks the leader for a date of their own: %q", n, got)
		}
	}
}

// TestFeedbackAfterAWeekOfStepsAsksTheNextStep: once last week's idea to
// try was a step on the week's skill, the goal's first step is behind the
// person: the prompt asks where it stands and the next step (finding 19).
func TestFeedbackAfterAWeekOfStepsAsksTheNextStep(t *testing.T) {
	focus := &WeekFocus{SkillRef: SkillRef{ID: "market-knowledge", Name: "Industry and market knowledge"}}
	goal := "Meet the five largest bank partners again and rebuild the partner map"
	// Number 3 gives the goal's prompt to the person (see feedbackPrompts).
	for n := 1; n <= 6; n += 2 {
		first := feedbackPrompts("dana", "Dana", n, focus, goal, false, false)
		next := feedbackPrompts("dana", "Dana", n, focus, goal, false, true)
		if first[0] == "For Dana: your first step on “"+goal+"”, and what you want my view on before you take it." {
			if want := "For Dana: where “" + goal + "” stands after last week's step, and the next step you want my view on before you take it."; next[0] != want {
				t.Errorf("after a week of steps: %q, want %q", next[0], want)
			}
			return
		}
	}
	t.Fatalf("no agenda asks for the first step on the goal")
}

// TestLaterNoteNamesWhatCameAfterTheDay: an agenda read as of its 1:1's
// day says in one line what of the person's file came after it, the
// weightiest change of the first day after, and nothing when nothing
// did (finding 3).
func TestLaterNoteNamesWhatCameAfterTheDay(t *testing.T) {
	at := func(s string) time.Time { d, _ := time.Parse(time.RFC3339, s); return d }
	w47 := day("2026-11-17")
	for _, c := range []struct {
		name    string
		history []skills.Change
		wish    bool
		want    string
	}{
		{"a reassessment the next day", []skills.Change{
			{Kind: skills.KindEvidence, Date: at("2026-11-10T10:00:00Z")},
			{Kind: skills.KindOutcome, Date: at("2026-11-18T09:00:00Z")},
			{Kind: skills.KindLevel, Date: at("2026-11-18T09:00:00Z")},
		}, false, "As it stood on Tuesday 17 November: the assessment of 18 November came after this 1:1."},
		{"a goal, then more on another day", []skills.Change{
			{Kind: skills.KindGoal, Date: at("2026-11-19T09:00:00Z")},
			{Kind: skills.KindLevel, Date: at("2026-11-25T09:00:00Z")},
		}, false, "As it stood on Tuesday 17 November: the goal added on 19 November, and what followed, came after this 1:1."},
		{"a change on the day itself is in the agenda", []skills.Change{
			{Kind: skills.KindLevel, Date: at("2026-11-17T18:00:00Z")},
		}, false, ""},
		{"notes are not news about the person", []skills.Change{
			{Kind: skills.KindNotes, Date: at("2026-11-18T09:00:00Z")},
		}, false, ""},
		{"only what they want next changed", nil, true,
			"As it stood on Tuesday 17 November: what you want next was written down after this 1:1."},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := LaterNote(c.history, w47, c.wish); got != c.want {
				t.Errorf("LaterNote = %q, want %q", got, c.want)
			}
		})
	}
}

// TestAmbitiousDateTalkedThroughInTheCareerConversation: the career
// conversation of someone whose plan judges their date ambitious brings
// the date, what the plan says it takes and the question to keep or move
// it (finding 12); a date with room in it brings nothing.
func TestAmbitiousDateTalkedThroughInTheCareerConversation(t *testing.T) {
	pl := &Plan{Target: RoleRef{ID: "gpm", Name: "Group Product Manager"},
		pace: &datePace{by: day("2027-09-30"), months: 10, lo: 12, hi: 18, gap: 11}}
	point, ask := paceTalk(pl, day("2026-12-01"))
	if want := "Your date for Group Product Manager, 30 September 2027, is nine months away. With 11 levels to close, that realistically takes 12-18 months at steady progress, so the date is ambitious."; point != want {
		t.Errorf("point = %q, want %q", point, want)
	}
	if want := "Do we keep 30 September 2027, with more support than your plan gives (and which support from me), or move it to a date we both believe in?"; ask != want {
		t.Errorf("question = %q, want %q", ask, want)
	}
	pl.pace.months = 14
	if point, ask := paceTalk(pl, day("2026-12-01")); point != "" || ask != "" {
		t.Errorf("a realistic date is talked through as ambitious: %q %q", point, ask)
	}
}
