package plans

import (
	"strings"
	"testing"
)

// TestOnboardingItemTheNotesSpeakOf: an onboarding item the last notes
// say is under way asks about what is left, named when the note names
// it; an item the notes share words with but not the verb is asked as
// it is (cold read 20: Nina asked again to meet everyone).
func TestOnboardingItemTheNotesSpeakOf(t *testing.T) {
	notes := []Markdown{"You have met every engineering lead but not Support yet."}
	meet := "Meet every engineer, designer and analyst you work with, one to one: what they are proud of, what slows them down, what they expect from a PM."
	run := "Run one planning session of your team with its engineering lead, and write down one thing you would change in how the team ships."
	for _, c := range []struct {
		item  string
		notes []Markdown
		want  string
	}{
		{meet, notes, meet + " Our notes of 19 November say it is under way: ask about what is left (Support), not the whole of it."},
		{meet, []Markdown{"- Met the two designers; the analysts are next week."}, meet + " Our notes of 19 November say it is under way: ask about what is left, not the whole of it."},
		{run, notes, run},
		{meet, []Markdown{"We met about the roadmap."}, meet},
		{meet, nil, meet},
	} {
		if got := askNoted(c.item, c.notes, "19 November"); got != c.want {
			t.Errorf("askNoted(%.20q, %q) = %q, want %q", c.item, c.notes, got, c.want)
		}
	}
}

// TestVerbForms: the forms of an item's verb a note may use.
func TestVerbForms(t *testing.T) {
	for _, c := range []struct {
		word, verb string
		want       bool
	}{
		{"met", "meet", true}, {"meeting", "meet", true}, {"meets", "meet", true},
		{"shipped", "ship", true}, {"running", "run", true}, {"wrote", "write", true},
		{"writing", "write", true}, {"joined", "join", true},
		{"meetup", "meet", false}, {"shipment", "ship", false}, {"rung", "run", false},
	} {
		if got := isVerbForm(c.word, c.verb); got != c.want {
			t.Errorf("isVerbForm(%q, %q) = %v, want %v", c.word, c.verb, got, c.want)
		}
	}
}

// TestMentorReplacedSaidInOneClause: when the last agenda offered an
// introduction to someone the plan no longer names, the week the plan
// names another says whom it names instead (cold read 20); one the plan
// still names is not said to be replaced.
func TestMentorReplacedSaidInOneClause(t *testing.T) {
	pv := &PreviousAgenda{Mentor: "Chloe Martin", MentorSkill: "negotiation and trade-offs"}
	pl := &Plan{}
	if got, want := mentorChange(pl, pv, "negotiation and trade-offs", "Nora Reyes", "Chloe Martin"),
		"Your mentor in negotiation and trade-offs is Nora Reyes; the plan now names Nora instead of Chloe Martin, and I make the introduction this week."; got != want {
		t.Errorf("replaced: %q, want %q", got, want)
	}
	pl.Mentors = []MentorLink{{Person: PersonRef{Name: "Chloe Martin"}}}
	if got, want := mentorChange(pl, pv, "negotiation and trade-offs", "Nora Reyes", "Chloe Martin"),
		"Your mentor in negotiation and trade-offs is Nora Reyes; I make the introduction this week."; got != want {
		t.Errorf("still named: %q, want %q", got, want)
	}
	if got := mentorChange(&Plan{}, pv, "negotiation and trade-offs", "Nora Lind", "Nora Reyes"); got != "Your mentor in negotiation and trade-offs is Nora Lind; the plan now names Nora Lind instead of Nora Reyes, and I make the introduction this week." {
		t.Errorf("same first name: %q", got)
	}
}

// TestCareerConversationMissedSaid: the last agenda announced the career
// conversation for the first 1:1 of a month that then went by with no
// 1:1: the next agenda says so and holds it; held later in the month it
// was due, it is that month's and nothing is said (cold read 20).
func TestCareerConversationMissedSaid(t *testing.T) {
	p := pm(t)
	jan := agendaFor(t, p, nil, "2027-W01", prevAt(t, "2026-W48", 2)) // 5 January, after 24 November
	if jan.Career == nil || jan.Career.Intro != "The career conversation due on Tuesday 1 December 2026 did not happen: we hold it today. Our first 1:1 of January: the longer view." {
		t.Errorf("after a month with no 1:1: %+v", jan.Career)
	}
	dec8 := agendaFor(t, p, nil, "2026-W50", prevAt(t, "2026-W48", 2))
	if dec8.Career == nil || strings.Contains(dec8.Career.Intro, "did not happen") {
		t.Errorf("held later in its month: %+v", dec8.Career)
	}
}
