package plans

import (
	"fmt"
	"strings"
	"testing"

	"github.com/coach-dev/coach/skills"
)

// The agenda findings of cold read 9 on the week's idea to try, its
// questions and onboarding lines, each as the exact sentence an agenda
// now says (or no longer says).

// TestAgoRoundsWeeksToTheNearest: 20 days is "3 weeks ago", not "2 weeks
// ago"; every span in weeks is the days over seven, rounded (finding 15).
func TestAgoRoundsWeeksToTheNearest(t *testing.T) {
	on := day("2026-11-19")
	for _, c := range []struct{ t, want string }{
		{"2026-10-30", "3 weeks ago"},
		{"2026-11-03", "2 weeks ago"},
		{"2026-10-26", "3 weeks ago"},
		{"2026-10-25", "4 weeks ago"},
		{"2026-12-07", "in 3 weeks"},
		{"2026-11-09", "10 days ago"},
	} {
		if got := ago(day(c.t), on); got != c.want {
			t.Errorf("ago(%s, %s) = %q, want %q", c.t, "2026-11-19", got, c.want)
		}
	}
}

// weekTry is the habit a person is given for a focus skill once the
// resources that cannot be a week's try are left out.
func weekTry(t *testing.T, p *skills.Person, skill string, level, next int, res ...skills.Resource) string {
	t.Helper()
	m := matrix(t)
	s := m.Skill(skill)
	f := Focus{SkillRef: ref(s), Level: levelText(m, s, level), Next: levelText(m, s, next), Resources: res}
	f.Resources = weekResources(m, p, f)
	if h := habit(p, f); h != nil {
		return h.Text
	}
	return ""
}

// TestWeekTryFitsAWeekAndTheLevel: a practice held once a month or once a
// half-year is no week's try; a person whose role asks for Leading in the
// skill is not sent to find someone who does it; someone at the plan's
// level whose evidence shows the skill is not given its beginner's habit
// (findings 12 and 18).
func TestWeekTryFitsAWeekAndTheLevel(t *testing.T) {
	practice := func(s string) skills.Resource { return skills.Resource{Kind: "practice", Title: s} }
	person := func(s string) skills.Resource { return skills.Resource{Kind: "person", Title: s} }
	dir := &skills.Person{ID: "di", Name: "Di Rector", Role: "director"}
	pmp := &skills.Person{ID: "pa", Name: "Pa Tel", Role: "pm"}

	// Leading asked of a director in delegation: the practice, not a model.
	calendar := practice("Mark every item in next week's calendar 'only I can do this' or 'someone could learn this', and give away one of the second kind.")
	holiday := person("A leader whose team ships well while they are on holiday: ask what they set up before they leave.")
	if got, want := weekTry(t, dir, "delegation", 3, 4, calendar, holiday), "Mark every item in next week's calendar 'only I can do this' or 'someone could learn this', and give away one of the second kind."; got != want {
		t.Errorf("director's try %q, want %q", got, want)
	}
	// A PM, whose role asks for less, is sent to the model at an even level.
	if got, want := weekTry(t, pmp, "delegation", 1, 2, calendar, holiday), "Find a leader whose team ships well while they are on holiday: ask what they set up before they leave."; got != want {
		t.Errorf("PM's try %q, want %q", got, want)
	}

	// Half-yearly and monthly rhythms are not a week's try.
	event := practice("Go to one industry event or analyst briefing each half-year and write a page on what the company should do differently because of it.")
	hour := person("The partner-function head who is most sceptical of product: spend an hour a month learning what they see.")
	if got := weekTry(t, pmp, "market-knowledge", 1, 2, event); got != "" {
		t.Errorf("a half-yearly practice is a week's try: %q", got)
	}
	if got := weekTry(t, pmp, "stakeholder-relationships", 2, 3, hour); got != "" {
		t.Errorf("an hour a month is a week's try: %q", got)
	}

	// At the plan's level with evidence of the skill at work: no habit;
	// with a setback as the latest evidence, the habit is back.
	review := practice("Four weeks after each launch, write three lines: the metric, what it did, and what you will do next because of it.")
	pmp.Evidence = []skills.Evidence{{Date: day("2026-11-10"), Skill: "outcome-focus", Text: "Search success rate up from 61% to 66% since July, measured on orders"}}
	if got := weekTry(t, pmp, "outcome-focus", 3, 3, review); got != "" {
		t.Errorf("a practice the evidence shows is a week's try: %q", got)
	}
	pmp.Evidence = append(pmp.Evidence, skills.Evidence{Date: day("2026-11-12"), Skill: "outcome-focus", Text: "Missed the launch readout for the filters release"})
	if got, want := weekTry(t, pmp, "outcome-focus", 3, 3, review), "Four weeks after each launch, write three lines: the metric, what it did, and what you will do next because of it."; got != want {
		t.Errorf("after a setback, try %q, want %q", got, want)
	}
}

// TestReturnerIsSetNoNewHabit: back from a long leave, with nothing new
// asked before the review, no week's try is the matrix's practice, not
// even as a second step of the person's own goal (finding 12).
func TestReturnerIsSetNoNewHabit(t *testing.T) {
	p := pm(t)
	p.Evidence = []skills.Evidence{{Date: day("2026-10-19"), Skill: "communication", Text: "Back from six months of parental leave; met every lead in two weeks"}}
	p.Goals = []skills.Goal{{Text: "Meet the five largest partners again", Skills: []string{"negotiation"}, Due: day("2027-01-29")}}
	practice := matrix(t).Skill("negotiation").Resources[0].Title
	seen := 0
	for k := range 6 {
		var prev *PreviousAgenda
		if k > 0 {
			prev = prevAt(t, fmt.Sprintf("2026-W%d", 46+k), k)
		}
		a := agendaFor(t, p, nil, fmt.Sprintf("2026-W%d", 47+k), prev)
		if a.Focus == nil || a.Focus.ID != "negotiation" || a.Focus.Action == nil {
			continue
		}
		seen++
		if strings.Contains(a.Focus.Action.Text, strings.TrimSuffix(practice, ".")) {
			t.Errorf("%s: a returner is set a new habit: %q", a.Week, a.Focus.Action.Text)
		}
	}
	if seen == 0 {
		t.Fatal("no week on negotiation")
	}
}

// TestQuestionNotAskedAgainWithinRecentWeeks: the question of the week is
// not one the agendas of the last RecentWeeks weeks asked; when the bank
// is asked out, the second question about the person's own work is
// (finding 17).
func TestQuestionNotAskedAgainWithinRecentWeeks(t *testing.T) {
	p := pm(t)
	first := agendaFor(t, p, nil, "2026-W47", nil)
	if first.Focus == nil || first.Focus.Question == "" {
		t.Fatalf("focus %+v", first.Focus)
	}
	m := matrix(t)
	bank := questionBank(m.Skill(first.Focus.ID), first.Focus.Next.Value, false)
	if len(bank) == 1 {
		bank = append(bank, ownWorkQuestion(nil))
	}
	prev := prevAt(t, "2026-W48", 2)
	for i, q := range bank {
		if i == 0 {
			prev.Question = q
			continue
		}
		older := prevAt(t, "2026-W47", 1)
		older.Question = q
		prev.Earlier = append(prev.Earlier, older)
	}
	prev.Focus, prev.FocusWeek = first.Focus.Name, 0
	a := agendaFor(t, p, nil, "2026-W49", prev)
	if a.Focus == nil || a.Focus.ID != first.Focus.ID {
		t.Skipf("another focus in W49: %+v", a.Focus)
	}
	if got, want := a.Focus.Question, "Which piece of your work this month would you do differently if you started it today, and what stops you changing it now?"; got != want {
		t.Errorf("question %q, want %q (asked: %q)", got, want, bank)
	}
}

// TestTryNotRepeatedWithinRecentWeeks: an idea to try of two weeks ago is
// not this week's again while the skill has another (finding 17).
func TestTryNotRepeatedWithinRecentWeeks(t *testing.T) {
	p := pm(t)
	p.Goals = []skills.Goal{{Text: "Agree the renewal scope with Support", Skills: []string{"negotiation"}, Due: day("2027-03-31")}}
	plain := agendaFor(t, p, nil, "2026-W49", prevAt(t, "2026-W48", 2))
	if plain.Focus == nil || plain.Focus.Action == nil {
		t.Fatalf("focus %+v", plain.Focus)
	}
	prev := prevAt(t, "2026-W48", 2)
	older := prevAt(t, "2026-W47", 1)
	older.TryThis = plain.Focus.Action.Text
	prev.Earlier = []*PreviousAgenda{older}
	a := agendaFor(t, p, nil, "2026-W49", prev)
	if a.Focus.Action.Text == plain.Focus.Action.Text {
		t.Errorf("the try of two weeks ago again: %q", a.Focus.Action.Text)
	}
}

// TestPrepStillToDoSaysSo: a one-off prep question asked two weeks ago
// and due again says it is still to do from that 1:1; the agenda after
// reads it back as the same question (finding 17).
func TestPrepStillToDoSaysSo(t *testing.T) {
	in := AgendaInput{Config: skills.DefaultConfig(), Previous: prevAt(t, "2026-W48", 2)}
	older := prevAt(t, "2026-W47", 1)
	older.Asked = "have I introduced Pat to Omar Haddad yet, for a first session on negotiation and trade-offs?"
	in.Previous.Earlier = []*PreviousAgenda{older}
	got := stillOpen(in, older.Asked, day("2026-12-03"))
	if want := "still to do from our 1:1 of 17 November, have I introduced Pat to Omar Haddad yet, for a first session on negotiation and trade-offs?"; got != want {
		t.Errorf("prep %q\nwant %q", got, want)
	}
	if check := stillOpen(in, "did I tell Pat what I saw since our last 1:1?", day("2026-12-03")); check != "did I tell Pat what I saw since our last 1:1?" {
		t.Errorf("a standing check said as still to do: %q", check)
	}
	w, _ := ParseWeek("2026-W49")
	read := ReadAgenda(w, []byte("# Agenda\n\n- Ask yourself before you go in: "+got+"\n\nQuestion of the week: What does your strategy say no to?\n"))
	if read.Asked != older.Asked || read.Question != "What does your strategy say no to?" {
		t.Errorf("read back asked %q, question %q", read.Asked, read.Question)
	}
}
