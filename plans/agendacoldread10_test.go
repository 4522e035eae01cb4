package plans

import (
	"strings"
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
	if got, want := goalAsk(1, "Marcus"), "which will you and Marcus agree on, a new date that holds, a smaller goal or letting it go?"; got != want {
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
		first := feedbackPrompts("dana", "Dana", n, focus, goal, false, false, nil)
		next := feedbackPrompts("dana", "Dana", n, focus, goal, false, true, nil)
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
		}, false, "Not in this agenda yet: the assessment of 18 November, the day after this 1:1."},
		{"a goal, then more on another day", []skills.Change{
			{Kind: skills.KindGoal, Date: at("2026-11-19T09:00:00Z")},
			{Kind: skills.KindLevel, Date: at("2026-11-25T09:00:00Z")},
		}, false, "Not in this agenda yet: the goal added on 19 November, and what followed."},
		{"a change on the day itself is in the agenda", []skills.Change{
			{Kind: skills.KindLevel, Date: at("2026-11-17T18:00:00Z")},
		}, false, ""},
		{"notes are not news about the person", []skills.Change{
			{Kind: skills.KindNotes, Date: at("2026-11-18T09:00:00Z")},
		}, false, ""},
		{"only what they want next changed", nil, true,
			"Not in this agenda yet: what you want next, written down since this 1:1."},
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
	if want := "Your date for Group Product Manager, 30 September 2027, is ten months away. With 11 levels to close, that realistically takes 12-18 months at steady progress, so the date is ambitious."; point != want {
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

// TestUnassessedFocusIsAssessedFirst: a focus skill with no level is not
// aimed at the scale's first step: the agenda asks which level the
// person's own work reads like, from their evidence on it, else their goal
// (finding 8).
func TestUnassessedFocusIsAssessedFirst(t *testing.T) {
	goal := skills.Goal{Text: "Run the refund-flow usability tests with Design", Skills: []string{"ux-discovery"}, Due: day("2026-12-11")}
	p := &skills.Person{ID: "ivy", Name: "Ivy Chen", Goals: []skills.Goal{goal}}
	f := Focus{SkillRef: SkillRef{ID: "ux-discovery", Name: "Product discovery and UX"},
		Next: LevelText{Value: 1, Name: "Aware", Descriptor: "Knows the product's key journeys and takes part in usability tests."}}
	w47 := day("2026-11-19")
	if got, want := assessFirst(p, f, nil, w47, "your goal “Run the refund-flow usability tests with Design”, due 11 December, rests on it."),
		"no level yet, and we set one before aiming higher, from your work on that goal: which level does it read like to you?"; got != want {
		t.Errorf("goal named in the why: %q, want %q", got, want)
	}
	if got, want := assessFirst(p, f, nil, w47, ""),
		"no level yet, and we set one before aiming higher, from your work on “Run the refund-flow usability tests with Design”: which level does it read like to you?"; got != want {
		t.Errorf("goal: %q, want %q", got, want)
	}
	p.Evidence = []skills.Evidence{{Date: day("2026-11-06"), Skill: "ux-discovery", Text: "Ran five usability tests of the refund flow with Design"}}
	if got, want := assessFirst(p, f, nil, w47, ""),
		"no level yet, and we set one before aiming higher: your evidence of 6 November (“Ran five usability tests of the refund flow with Design”) is where it shows. Which level does it read like to you?"; got != want {
		t.Errorf("evidence: %q, want %q", got, want)
	}
	if got, want := levelShows(f, ""), "In product discovery and UX, which level does your first try read like to you? We set your first level from it."; got != want {
		t.Errorf("what would show it: %q, want %q", got, want)
	}
	if got := goalShows(goal, f, w47); strings.Contains(got, "1 Aware") {
		t.Errorf("aims an unassessed skill at its first level: %q", got)
	}
}

// TestCounterpartStepOnlyForSkillsOfWorkingWithOthers: "what you need
// from it and what Design needs from you" is a step of a skill about
// working with others; a discovery goal done with Design gets its own
// question instead (finding 8).
func TestCounterpartStepOnlyForSkillsOfWorkingWithOthers(t *testing.T) {
	goal := skills.Goal{Text: "Run the refund-flow usability tests with Design", Due: day("2027-01-29")}
	on := day("2026-11-19")
	if got, want := goalStep(goal, on, nil, "", false), "Agree with Design, before our next 1:1, the one question the refund-flow usability tests must answer, and bring it with what you will do with the answer."; got != want {
		t.Errorf("discovery: %q, want %q", got, want)
	}
	if got, want := goalStep(goal, on, nil, "", true), "Before your next meeting with Design on the refund-flow usability tests, write down what you need from it and what Design needs from you; bring both to our next 1:1."; got != want {
		t.Errorf("negotiation: %q, want %q", got, want)
	}
	for _, c := range []struct {
		f    Focus
		want bool
	}{
		{Focus{SkillRef: SkillRef{Name: "Negotiation and trade-offs"}}, true},
		{Focus{SkillRef: SkillRef{Name: "Stakeholder relationships"}}, true},
		{Focus{SkillRef: SkillRef{Name: "Product discovery and UX"}, Next: LevelText{Descriptor: "Knows the product's key journeys and takes part in usability tests."}}, false},
	} {
		if got := withOthers(c.f); got != c.want {
			t.Errorf("withOthers(%s) = %v, want %v", c.f.Name, got, c.want)
		}
	}
}

// TestTeammatesAreHandedDifferentSteps: two people of one team whose
// goals give them the same later step in the same week get different
// ones while there are others: the second passes over the idea a teammate
// before them has (finding 11). TryKey tells one sentence with two goals
// in it from two sentences.
func TestTeammatesAreHandedDifferentSteps(t *testing.T) {
	lena := &skills.Person{ID: "lena", Goals: []skills.Goal{{Text: "Run the Q1 disputes roadmap and present it to Risk and Operations", Due: day("2027-01-15")}}}
	nina := &skills.Person{ID: "nina", Goals: []skills.Goal{{Text: "Ship the dispute status page with Disputes Operations", Due: day("2027-01-29")}}}
	on := day("2026-12-03")
	a, b := nextDecision(lena.Goals[0], on), nextDecision(nina.Goals[0], on)
	if TryKey(lena, a) != TryKey(nina, b) || TryKey(lena, a) != "name next" {
		t.Errorf("one sentence, two goals: keys %q and %q, want both %q", TryKey(lena, a), TryKey(nina, b), "name next")
	}
	if ka, kb := TryKey(nina, b), TryKey(nina, theirView(nina.Goals[0])); ka == kb {
		t.Errorf("two sentences, one key: %q", ka)
	}
	f := Focus{SkillRef: SkillRef{ID: "stakeholder-relationships", Name: "Stakeholder relationships"}, Level: LevelText{Value: 1}, Next: LevelText{Value: 2, Name: "Practising"}}
	action := Action{Text: nina.Goals[0].Text + "."}
	// The turn and seat that give Nina the next decision on her own.
	for turn := 1; turn < 4; turn++ {
		alone, _ := weeklyTryAt(action, nina, f, on, "", turn, 0, nil, nil)
		if alone.Text != b {
			continue
		}
		taken := func(text string) bool { return TryKey(nina, text) == TryKey(lena, a) }
		got, _ := weeklyTryAt(action, nina, f, on, "", turn, 0, taken, nil)
		if want := "Ask Disputes Operations what would make the dispute status page a success for them, and bring their words, not yours, to our next 1:1."; got.Text != want {
			t.Errorf("with Lena's step taken: %q, want %q", got.Text, want)
		}
		return
	}
	t.Fatalf("no turn gives the next decision")
}
