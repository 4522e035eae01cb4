package plans

import (
	"testing"
	"time"

	"github.com/coach-dev/coach/skills"
)

// TestOpenSinceSaysADay: a carried item and a topic say the 1:1 they were
// first written at as a day a person reads, never the week's number; the
// reader reads that day back as its week, and still reads the week form
// the agendas already committed hold (cold read 20, point 2).
func TestOpenSinceSaysADay(t *testing.T) {
	w50, _ := ParseWeek("2026-W50")
	w06, _ := ParseWeek("2027-W06")
	for _, c := range []struct {
		week Week
		line string
		want string
	}{
		{w50, "- [ ] Draft the prep page (open since 2026-W47)", "2026-W47"},
		{w50, "- [ ] Draft the prep page (open since 17 November)", "2026-W47"},
		{w06, "- [ ] Draft the prep page (open since 17 November 2026)", "2026-W47"},
		{w06, "- [ ] Draft the prep page (open since 2 February)", "2027-W05"},
		{w50, "- [ ] Draft the prep page (open since 30 December)", "2026-W01"}, // 30 December 2025, in ISO week 1 of 2026,
	} {
		pa := ReadAgenda(c.week, []byte("## Action items\n\n"+c.line+"\n"))
		if len(pa.Items) != 1 || pa.Items[0].Since != c.want || pa.Items[0].Text != "Draft the prep page" {
			t.Errorf("%s read in %s: %+v, want since %s", c.line, c.week, pa.Items, c.want)
		}
	}
	for _, line := range []string{
		"- [ ] The council seat (raised in 2026-W47, still open)",
		"- [ ] The council seat (raised on 17 November, still open)",
		"- [ ] The council seat (raised on 17 November; in our notes of 24 November, you want it: decide it today, or tick it)",
	} {
		pa := ReadAgenda(w50, []byte("## Your topics\n\n"+line+"\n"))
		if len(pa.Topics) != 1 || pa.Topics[0].Since != "2026-W47" || pa.Topics[0].Text != "The council seat" {
			t.Errorf("%s: %+v, want the council seat since 2026-W47", line, pa.Topics)
		}
	}
	items := []Item{{Text: "a", Since: "2026-W47", Children: []Item{{Text: "b", Since: "2026-W48"}}}}
	sinceDays(items, time.Tuesday, time.Date(2027, 2, 9, 0, 0, 0, 0, time.UTC))
	if items[0].SinceDay != "17 November 2026" || items[0].Children[0].SinceDay != "24 November 2026" {
		t.Errorf("sinceDays = %+v", items)
	}
}

// TestWindowGoalAsksItsOutcome: a goal past its date whose own words bound
// it to a period is not asked for a new date, first or later: the period
// is over, and what is open is its outcome (cold read 20, point 1).
func TestWindowGoalAsksItsOutcome(t *testing.T) {
	p := &skills.Person{ID: "x", Name: "X Y", Goals: []skills.Goal{
		{Text: "Mentor Sam Patel through his first quarter", Due: day("2027-01-15")},
		{Text: "Ship the renewal flow", Due: day("2027-01-15")},
	}}
	on := day("2027-02-09")
	first := goalsDue(p, on, day("2026-12-08"), nil)
	if len(first) != 2 || first[0].Ask != "That window, his first quarter, is over, so no new date fits: how did it go, and what do we write down as its outcome?" {
		t.Errorf("first ask %+v", first)
	}
	if first[1].Ask != "What would help it along, and what date fits now?" {
		t.Errorf("a goal with no window is asked for a date: %q", first[1].Ask)
	}
	later := goalsDue(p, day("2027-02-16"), on, nil)
	if later[0].Ask != "Its window, his first quarter, is over and no outcome is written down yet: say today what it achieved and what was left, and we close it with that." {
		t.Errorf("later ask %q", later[0].Ask)
	}
	for text, want := range map[string]string{
		"Run the Q1 planning offsite":             "Q1",
		"Hold weekly office hours this quarter":   "the quarter",
		"Meet every partner in her first 90 days": "her first 90 days",
		"Write the pricing brief":                 "",
	} {
		if got := goalWindow(text); got != want {
			t.Errorf("goalWindow(%q) = %q, want %q", text, got, want)
		}
	}
}

// TestAssessSessionOneDay: the prep asks after the session the plan books
// for many levels not yet assessed, on the day the plan gives it, and once
// that day has passed asks whether it was held (cold read 20, point 3).
func TestAssessSessionOneDay(t *testing.T) {
	p := &skills.Person{ID: "x", Name: "Ivy Q", Assessed: day("2026-11-10")}
	pl := &Plan{person: p, Today: TodayOf(p)}
	for i := range 17 {
		pl.AssessFirst = append(pl.AssessFirst, SkillRef{ID: string(rune('a' + i))})
	}
	if got := pl.AssessSessionBy(); got != "2026-12-10" {
		t.Fatalf("AssessSessionBy = %q, want 2026-12-10", got)
	}
	c := "Assessment: the 17 levels not yet assessed, set with you in one 90-minute session before 10 December, so that the next plan has something to stand on."
	before := &Agenda{FirstName: "Ivy", Date: "2026-12-03"}
	if got, want := commitmentQuestion(c, pl, p, before, ""), "Have Ivy and I booked the 90-minute session that sets the 17 levels not yet assessed, before 10 December?"; got != want {
		t.Errorf("before: %q, want %q", got, want)
	}
	after := &Agenda{FirstName: "Ivy", Date: "2026-12-17"}
	if got, want := commitmentQuestion(c, pl, p, after, ""), "Have Ivy and I held the session that sets the 17 levels not yet assessed? It was due before 10 December: if not, book it this week."; got != want {
		t.Errorf("after: %q, want %q", got, want)
	}
	pl.AssessFirst = pl.AssessFirst[:5]
	if got := pl.AssessSessionBy(); got != "" {
		t.Errorf("five levels are assessed at the 1:1s, no session: %q", got)
	}
}
