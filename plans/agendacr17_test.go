package plans

import (
	"strings"
	"testing"
	"time"

	"github.com/coach-dev/coach/skills"
)

// The agenda findings of cold read 17, each as the exact sentence an
// agenda now says, on the second team's people.

// TestNotesAboutThePersonAreSaidToThem: a line of the notes that opens
// with the person's name is said to them, with the he or she about them
// and the verbs that go with it; a line about anyone else is quoted as
// written.
func TestNotesAboutThePersonAreSaidToThem(t *testing.T) {
	marcus := &skills.Person{ID: "marcus", Name: "Marcus Bell"}
	nina := &skills.Person{ID: "nina", Name: "Nina Osei"}
	for _, c := range []struct {
		p          *skills.Person
		line, want string
		ok         bool
	}{
		{marcus, "Marcus says the PRD reviews are how he keeps quality up; we agreed to try one review he does not attend.",
			"You say the PRD reviews are how you keep quality up; we agreed to try one review you do not attend.", true},
		{nina, "Nina has met every engineering lead but not Support yet.", "You have met every engineering lead but not Support yet.", true},
		{nina, "- Nina worries the status page slips and wants Disputes Operations in the room.",
			"- You worry the status page slips and want Disputes Operations in the room.", true},
		{marcus, "Marcus Bell's team missed the release date twice.", "Your team missed the release date twice.", true},
		{marcus, "Marcus asked Kofi to run the review; she said yes.", "You asked Kofi to run the review; she said yes.", true},
		{marcus, "Kofi ran the review alone.", "Kofi ran the review alone.", false},
		{marcus, "Marcusville is a town.", "Marcusville is a town.", false},
	} {
		got, ok := noteToYou(c.line, c.p)
		if got != c.want || ok != c.ok {
			t.Errorf("noteToYou(%q) = %q, %v; want %q, %v", c.line, got, ok, c.want, c.ok)
		}
	}
}

// TestShipStepFromTheGoalsOwnWords: a goal to ship something starts from
// who it is shipped with, or what it must ship with; only a goal that
// says neither lists what stands in the way (finding 20: one sentence in
// three people's agendas).
func TestShipStepFromTheGoalsOwnWords(t *testing.T) {
	on := day("2026-12-03")
	for _, c := range []struct{ goal, step, shows string }{
		{"Ship the dispute status page with Disputes Operations",
			"Walk Disputes Operations through the dispute status page as it stands, before our next 1:1, and bring what they need on release day that is not built yet.",
			"What Disputes Operations need on release day, and what of it is not built yet."},
		{"Ship the chargeback alerts with their thresholds agreed before build",
			"Check the chargeback alerts against what your goal asks of it (“with their thresholds agreed before build”) before our next 1:1, and settle the first thing that falls short.",
			"The first thing that fell short of “with their thresholds agreed before build”, and how you settled it."},
		{"Launch the refund tracker",
			"List what stands between the refund tracker and its release by 29 January 2027, and clear the first item before our next 1:1.",
			"The list of what stands before the refund tracker ships, and the first item cleared."},
	} {
		step, shows := shipStep(skills.Goal{Text: c.goal, Due: day("2027-01-29")}, on)
		if step != c.step || shows != c.shows {
			t.Errorf("shipStep(%q) =\n%q\n%q\nwant\n%q\n%q", c.goal, step, shows, c.step, c.shows)
		}
	}
}

// TestStepSizedToTheDaysLeft: eight days before a goal with someone is
// due, its step is the work itself and what it taught, never a question
// that belonged weeks earlier (finding 20).
func TestStepSizedToTheDaysLeft(t *testing.T) {
	g := skills.Goal{Text: "Run the refund-flow usability tests with Design", Due: day("2026-12-11")}
	step, shows := soonStep(g, day("2026-12-03"))
	if want := "Run the refund-flow usability tests with Design before our next 1:1, as far as the 8 days before 11 December allow, and bring the one thing you learned that surprised Design."; step != want {
		t.Errorf("step = %q, want %q", step, want)
	}
	if want := "How far the refund-flow usability tests got, and the one thing that surprised Design."; shows != want {
		t.Errorf("shows = %q, want %q", shows, want)
	}
	for turn := range 4 {
		f := Focus{SkillRef: SkillRef{ID: "ux-discovery", Name: "Product discovery and UX"}}
		ivy := &skills.Person{ID: "ivy", Name: "Ivy Chen", Goals: []skills.Goal{g}}
		got, _ := weeklyTry(Action{Text: "Use “" + g.Text + "” to practise it."}, ivy, f, day("2026-12-03"), "", turn)
		if strings.Contains(got.Text, "what would make") || strings.HasPrefix(got.Text, "Name the next decision") {
			t.Errorf("turn %d, 8 days before the tests: %q", turn, got.Text)
		}
	}
}

// TestMentorChangeSaidOnce: the last agenda's focus named whom to learn
// the skill from; when this week's plan names someone else, the focus
// says who it is from now on, once (finding 10).
func TestMentorChangeSaidOnce(t *testing.T) {
	src := "## Focus of the week\n\n### Hiring strategy (week 1 of 2 on it)\n\n" +
		"- My part: an introduction to Tomás Ruiz, who does hiring strategy well, before our next 1:1.\n"
	w, _ := ParseWeek("2026-W47")
	pv := ReadAgenda(w, []byte(src))
	if pv.Mentor != "Tomás Ruiz" || pv.MentorSkill != "hiring strategy" {
		t.Fatalf("read mentor %q for %q", pv.Mentor, pv.MentorSkill)
	}
	if got := mentorBefore(pv, "delegation and team performance"); got != "" {
		t.Errorf("another skill's mentor read as this one's: %q", got)
	}
	// Tomás was never introduced, and the plan names him nowhere: he is
	// not offered again (cold read 18, finding 6), and the change is said
	// in one clause (cold read 20).
	pl := &Plan{Mentors: []MentorLink{{Person: PersonRef{Name: "Marcus Bell"}, Skill: SkillRef{ID: "hiring-strategy", Name: "Hiring strategy"}}}}
	want := "Your mentor in hiring strategy is Marcus Bell; the plan now names Marcus instead of Tomás Ruiz, and I make the introduction this week."
	if got := mentorChange(pl, pv, "hiring strategy", "Marcus Bell", mentorBefore(pv, "hiring strategy")); got != want {
		t.Errorf("mentorChange = %q, want %q", got, want)
	}
	// Introduced (the notes name him) and still a mentor the plan names:
	// the sessions go on.
	met := ReadAgenda(w, []byte(src+"\n## Notes\n\n- First session with Tomás Ruiz on the hiring plan.\n"))
	pl.AlsoMentoredBy = []string{"Tomás Ruiz, whose evidence records mentoring you."}
	if got, want := mentorChange(pl, met, "hiring strategy", "Marcus Bell", "Tomás Ruiz"), "Your mentor in hiring strategy is Marcus Bell from now on; keep your sessions with Tomás Ruiz going too."; got != want {
		t.Errorf("mentorChange, met = %q, want %q", got, want)
	}
	pl.AlsoMentoredBy = nil
	if got, want := mentorChange(pl, met, "hiring strategy", "Marcus Bell", "Tomás Ruiz"), want; got != want {
		t.Errorf("mentorChange, met but no longer named = %q, want %q", got, want)
	}
	// The week after, the agenda that said it names the new mentor: it is
	// not said again.
	next := ReadAgenda(w, []byte("### Hiring strategy (week 2 of 2 on it)\n\n- "+want+"\n"))
	if got := mentorBefore(next, "hiring strategy"); got != "Marcus Bell" {
		t.Errorf("mentor read from the change line = %q, want Marcus Bell", got)
	}
}

// TestOpenItemFinishesWorkAlreadyDone: an open item with the person a
// goal already done was with finishes that goal's work: it is closed, and
// the week is the new step's; an item with the person of an open goal is
// that goal's work (finding 8).
func TestOpenItemFinishesWorkAlreadyDone(t *testing.T) {
	on := day("2026-12-03")
	marcus := &skills.Person{ID: "marcus", Name: "Marcus Bell", PlanStart: day("2026-11-16"), Goals: []skills.Goal{
		{Text: "Hand the weekly release review to Tomás", Skills: []string{"delegation"}, Done: day("2026-11-25")},
	}}
	f := &WeekFocus{SkillRef: SkillRef{ID: "delegation", Name: "Delegation and team performance"}}
	open := []Item{{Text: "Write down for Tomás what the release review decides", Since: "2026-W48"}}
	sinceDays(open, time.Thursday, on)
	got := focusItem(marcus, f, open, on)
	want := " (open since 26 November) finishes the work with Tomás you did on 25 November: close it, and give this week to the new step."
	if got == nil || got.Link != want {
		t.Fatalf("focusItem = %+v, want link %q", got, want)
	}
	marcus.Goals[0].Done = time.Time{}
	if got := focusItem(marcus, f, open, on); got == nil || got.Link != " (open since 26 November) is this work with Tomás: close it first, before our next 1:1." {
		t.Errorf("open goal: %+v", got)
	}
}
