package plans

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/coach-dev/coach/skills"
	"github.com/google/go-cmp/cmp"
)

// agendaFor builds p's plan and the agenda of week ws, after prev.
func agendaFor(t *testing.T, p *skills.Person, history []skills.Change, ws string, prev *PreviousAgenda) *Agenda {
	t.Helper()
	m, cfg := matrix(t), skills.DefaultConfig()
	pl, err := Build(Input{Matrix: m, Config: cfg, Person: p, Team: []*skills.Person{p}})
	if err != nil {
		t.Fatal(err)
	}
	w, err := ParseWeek(ws)
	if err != nil {
		t.Fatal(err)
	}
	return BuildAgenda(AgendaInput{Plan: pl, Matrix: m, Config: cfg, Person: p, History: history, Week: w, Previous: prev})
}

func prevAt(t *testing.T, ws string, count int) *PreviousAgenda {
	t.Helper()
	w, err := ParseWeek(ws)
	if err != nil {
		t.Fatal(err)
	}
	return &PreviousAgenda{Week: w, Count: count}
}

func pm(t *testing.T) *skills.Person {
	m := matrix(t)
	return &skills.Person{ID: "pat", Path: "skills/pat.toml", Name: "Pat Doe", Role: "pm",
		Assessed: day("2026-10-27"), Levels: with(atBar(m, "pm"), map[string]int{"negotiation": 1})}
}

// TestMeetingWeekAfterTheOneToOne: the default week is the next 1:1 on or
// after today, so a run on the Saturday after the 1:1 prepares the coming
// week, not the one that has passed.
func TestMeetingWeekAfterTheOneToOne(t *testing.T) {
	for _, tt := range []struct{ today, want string }{
		{"2026-11-23", "2026-W48"}, // Monday, before Tuesday's 1:1
		{"2026-11-24", "2026-W48"}, // the day of the 1:1
		{"2026-11-25", "2026-W49"}, // Wednesday: it has passed
		{"2026-11-28", "2026-W49"}, // Saturday
		{"2026-11-29", "2026-W49"}, // Sunday
		{"2026-12-29", "2026-W53"},
		{"2026-12-30", "2027-W01"},
	} {
		if got := MeetingWeek(day(tt.today), time.Tuesday).String(); got != tt.want {
			t.Errorf("MeetingWeek(%s) = %s, want %s", tt.today, got, tt.want)
		}
	}
	// Late on a Tuesday in another time zone, still that Tuesday.
	late := time.Date(2026, 11, 24, 23, 30, 0, 0, time.FixedZone("UTC-8", -8*3600))
	if got := MeetingWeek(late, time.Tuesday).String(); got != "2026-W48" {
		t.Errorf("late on the day of the 1:1: %s", got)
	}
}

// TestCareerConversationByOwnAgendas: a team that meets on the 8th and the
// 15th of December still has its career conversation on the 8th, its first
// 1:1 of the month by its own agendas, and every agenda says when the next
// one is.
func TestCareerConversationByOwnAgendas(t *testing.T) {
	p := pm(t)
	first := agendaFor(t, p, nil, "2026-W48", nil) // 24 November: a first agenda after the 7th
	if first.Career != nil || first.NextCareer != "Tuesday 1 December (first 1:1 of December)" {
		t.Errorf("first agenda: career %v, next %q", first.Career != nil, first.NextCareer)
	}
	dec8 := agendaFor(t, p, nil, "2026-W50", prevAt(t, "2026-W48", 1))
	if dec8.Career == nil || !strings.HasPrefix(dec8.Career.Intro, "Our first 1:1 of December") {
		t.Fatalf("8 December after 24 November: no career conversation")
	}
	if dec8.NextCareer != "Tuesday 5 January 2027 (first 1:1 of January)" {
		t.Errorf("next career conversation %q", dec8.NextCareer)
	}
	if dec15 := agendaFor(t, p, nil, "2026-W51", prevAt(t, "2026-W50", 2)); dec15.Career != nil {
		t.Errorf("15 December after 8 December: a second career conversation")
	}
	// A first agenda in the first week of a month opens the month.
	if a := agendaFor(t, p, nil, "2026-W49", nil); a.Career == nil {
		t.Errorf("a first agenda on 1 December has no career conversation")
	}
}

// TestReviewAtTheReviewDate: the plan's review falls on the first 1:1 on
// or after its date (here 27 January, three months after the assessment),
// in place of that month's career conversation; once past, the prep asks
// for it until the file is reassessed.
func TestReviewAtTheReviewDate(t *testing.T) {
	p := pm(t)
	before := agendaFor(t, p, nil, "2027-W04", prevAt(t, "2027-W03", 3)) // 26 January
	at := agendaFor(t, p, nil, "2027-W05", prevAt(t, "2027-W04", 4))     // 2 February
	after := agendaFor(t, p, nil, "2027-W06", prevAt(t, "2027-W05", 5))  // 9 February
	if before.Quarterly != nil || at.Quarterly == nil || after.Quarterly != nil {
		t.Fatalf("review on 26 Jan %v, 2 Feb %v, 9 Feb %v", before.Quarterly != nil, at.Quarterly != nil, after.Quarterly != nil)
	}
	// The review is dated a Wednesday and held at the Tuesday 1:1 after
	// it: the header, the prep and the review itself say both, one day
	// (cold read 20, point 1).
	if at.Career != nil || before.NextReview != "27 January, held at our next 1:1" || at.NextReview != "" {
		t.Errorf("career beside the review %v; next review %q then %q", at.Career != nil, before.NextReview, at.NextReview)
	}
	if want := "The plan's review is due on 27 January, and we hold it at our 1:1 of 2 February: look at the focus skills' evidence before then."; !contains(before.Prep, want) {
		t.Errorf("prep before the review:\n%s", strings.Join(before.Prep, "\n"))
	}
	if before.ReviewPrep == nil || before.ReviewPrep.Date != "2 February" {
		t.Errorf("review prep %+v, want it for 2 February", before.ReviewPrep)
	}
	if !strings.HasPrefix(at.Quarterly.Intro, "The plan dates its review 27 January; we hold it at this 1:1, the first since, and it is this month's career conversation too.") {
		t.Errorf("review intro %q", at.Quarterly.Intro)
	}
	want := "The plan's review was due on 27 January and the levels have not been reassessed since: hold it today or put a date on it."
	if !contains(after.Prep, want) {
		t.Errorf("prep after a missed review:\n%s", strings.Join(after.Prep, "\n"))
	}
}

// TestOverdueGoalStaysUntilTheFileChanges: a goal past its date is on every
// agenda, not only the one of its due day, and so is one due within two
// weeks; it is raised there alone, with the question that sets its date.
func TestOverdueGoalStaysUntilTheFileChanges(t *testing.T) {
	p := pm(t)
	p.Goals = []skills.Goal{
		{Text: "Hand the release notes to the team", Skills: []string{"delegation"}, Due: day("2026-10-31")},
		{Text: "Ship the renewal flow", Due: day("2026-12-08")},
		{Text: "Write the pricing brief", Due: day("2026-12-09")},
	}
	for k, ws := range []string{"2026-W47", "2026-W48", "2026-W49", "2026-W50"} {
		var prev *PreviousAgenda
		if k > 0 {
			prev = prevAt(t, fmt.Sprintf("2026-W%d", 46+k), k)
		}
		a := agendaFor(t, p, nil, ws, prev)
		var got []string
		for _, g := range a.GoalsDue {
			got = append(got, fmt.Sprintf("%s %v %s", g.Due, g.Overdue, g.When))
		}
		want := map[string][]string{
			"2026-W47": {"2026-10-31 true 31 October, 2 weeks ago"},
			"2026-W48": {"2026-10-31 true 31 October, 3 weeks ago", "2026-12-08 false 8 December, in 2 weeks"},
			"2026-W49": {"2026-10-31 true 31 October, 4 weeks ago", "2026-12-08 false 8 December, in 7 days", "2026-12-09 false 9 December, in 8 days"},
			"2026-W50": {"2026-10-31 true 31 October, 5 weeks ago", "2026-12-08 false 8 December, today", "2026-12-09 false 9 December, tomorrow"},
		}[ws]
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s goals due (-want +got):\n%s", ws, diff)
		}
		// Raised once, under Goals due (cold read 7, finding 6): the prep,
		// the week's why, the idea to try and my part do not raise it again.
		for _, line := range a.Prep {
			if strings.Contains(line, "past its date") || strings.Contains(line, p.Goals[0].Text) {
				t.Errorf("%s prep raises the goal again: %q", ws, line)
			}
		}
		if f := a.Focus; f != nil && f.ID == "delegation" {
			for _, line := range []string{f.Why, f.Support, f.Action.Text} {
				if strings.Contains(line, "past its date") || strings.Contains(line, p.Goals[0].Text) || strings.Contains(line, "hand-over") {
					t.Errorf("%s focus raises the goal again: %q", ws, line)
				}
			}
		}
		// The ask moves on rather than repeating week after week, and is a
		// question of what would help, never a charge.
		wantAsk := map[string]string{
			"2026-W47": "What would help it along, and what date fits now?",
			"2026-W48": "What has changed since we last spoke about it, what would help (time, a decision from me, or someone to share it with), and which date do we write down today?",
			"2026-W49": "Is it still the right goal? If it is, what would help and what date fits; if not, we can re-scope it, hand it on or let it go together.",
			"2026-W50": "Is it still the right goal? If it is, what would help and what date fits; if not, we can re-scope it, hand it on or let it go together.",
		}[ws]
		if a.GoalsDue[0].Ask != wantAsk {
			t.Errorf("%s ask %q, want %q", ws, a.GoalsDue[0].Ask, wantAsk)
		}
	}
}

// TestBaselineNamedAsOne: a file's first commit and a commit that
// reassesses most skills at once are each one line naming a baseline, with
// no role change from nothing and no count of level changes.
func TestBaselineNamedAsOne(t *testing.T) {
	m := matrix(t)
	p := pm(t)
	at := time.Date(2026, 11, 17, 18, 0, 0, 0, time.UTC)
	var created, rebased []skills.Change
	created = append(created, skills.Change{Commit: "c1", Date: at, Kind: skills.KindAdded},
		skills.Change{Commit: "c1", Date: at, Kind: skills.KindRole, To: "pm"})
	for _, s := range m.Skills {
		created = append(created, skills.Change{Commit: "c1", Date: at, Kind: skills.KindLevel, Skill: s.ID, To: "2"})
		rebased = append(rebased, skills.Change{Commit: "c2", Date: at.Add(24 * time.Hour), Author: "Rosa Lind", Kind: skills.KindLevel, Skill: s.ID, From: "2", To: "3"})
	}
	created = append(created, skills.Change{Commit: "c1", Date: at, Kind: skills.KindSelf, Skill: "negotiation", To: "3"},
		skills.Change{Commit: "c1", Date: at, Kind: skills.KindEvidence, Skill: "negotiation", Text: "Agreed the launch scope with Sales"})
	small := skills.Change{Commit: "c3", Date: at.Add(48 * time.Hour), Kind: skills.KindLevel, Skill: "negotiation", From: "1", To: "2"}
	a := agendaFor(t, p, append(append(created, rebased...), small), "2026-W48", nil)
	var got []string
	for _, c := range a.Changes {
		got = append(got, fmt.Sprintf("%s %v: %s", c.When, c.Baseline, c.Text))
	}
	want := []string{
		"17 November true: Pat's first assessment, as Product Manager, across 24 skills: the baseline the plan measures from, not growth. Pat's own rating differs on Negotiation and trade-offs, 3 Proficient against the assessment's 2 Practising.",
		"17 November false: Evidence on Negotiation and trade-offs: “Agreed the launch scope with Sales”",
		"18 November true: A new baseline by Rosa Lind: 24 skills reassessed at once. Read it as a new starting point, not as growth. Nobody has calibrated it yet.",
		"19 November false: Negotiation and trade-offs up from 1 Aware to 2 Practising.",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("changes (-want +got):\n%s", diff)
	}
	if !contains(a.Prep, "Negotiation and trade-offs moved up: tell Pat what you saw that earned it.") {
		t.Errorf("prep: %q", a.Prep)
	}
}

// TestSetbackEvidenceNeverPraised: evidence that records a setback is named
// as one, the prep asks about it, and the week's focus says why from it.
func TestSetbackEvidenceNeverPraised(t *testing.T) {
	p := pm(t)
	p.Evidence = []skills.Evidence{{Date: day("2026-11-20"), Skill: "negotiation", Text: "Still escalates every scope change to me"}}
	hist := []skills.Change{{Commit: "c", Date: day("2026-11-20"), Kind: skills.KindEvidence, Skill: "negotiation", Text: p.Evidence[0].Text}}
	// Last week's agenda was on the same skill: this is its second week.
	prev := prevAt(t, "2026-W47", 1)
	prev.Focus, prev.FocusWeek = "Negotiation and trade-offs", 1
	a := agendaFor(t, p, hist, "2026-W48", prev)
	if len(a.Changes) != 1 || !strings.HasPrefix(a.Changes[0].Text, "A setback noted on Negotiation and trade-offs") || !a.Changes[0].Setback {
		t.Errorf("changes: %+v", a.Changes)
	}
	// The setback is quoted once: where the agenda lists it, or in the
	// week's action when that quotes it.
	all := a.Changes[0].Text + "\n" + a.Focus.Why
	if a.Focus.Action != nil {
		all += "\n" + a.Focus.Action.Text
	}
	if n := strings.Count(all, p.Evidence[0].Text); n != 1 {
		t.Errorf("the setback quoted %d times:\n%s", n, all)
	}
	if !contains(a.Prep, "The note of 20 November records a setback: ask Pat what got in the way and what they would try next.") {
		t.Errorf("prep: %q", a.Prep)
	}
	if a.Focus == nil || a.Focus.Why != "the last note on it, from 20 November, records a setback (under Since last time)." {
		t.Errorf("why: %+v", a.Focus)
	}
	// With nothing else quoting it, the why does.
	if a := agendaFor(t, p, nil, "2026-W48", prevAt(t, "2026-W47", 1)); a.Focus.Why != "the last note on it, from 20 November, records a setback: “Still escalates every scope change to me”" {
		t.Errorf("why, with the evidence committed earlier: %q", a.Focus.Why)
	}
	for _, s := range append(a.Prep, a.Focus.Why) {
		if strings.Contains(strings.ToLower(s), "build on") {
			t.Errorf("a setback praised: %q", s)
		}
	}
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"Agreed launch scope with Sales without escalation", false},
		{"Summarised twelve interviews; dropped the tour carousel from the roadmap", false},
		{"Engagement fell 9 points after the reorg", true},
		{"Missed the beta date by two weeks", true},
		{"One line still holds out", true},
	} {
		if Setback(tt.text) != tt.want {
			t.Errorf("Setback(%q) = %v", tt.text, !tt.want)
		}
	}
}

// TestSetbackNarrower: a partial win and a neutral hand-over are not
// setbacks; an entry that mixes a win with a habit of the person's own names
// only the habit as the setback.
func TestSetbackNarrower(t *testing.T) {
	for _, tt := range []struct {
		text, clause string
	}{
		{"Brought Finance and two product lines to one proposal; one line still holds out", ""},
		{"Agreed the plan with four teams, but a few teams still wait for budget", ""},
		{"Gave a report the Q1 roadmap to run", ""},
		{"Handed the weekly review to a peer to run from January", ""},
		{"Gave a report the Q1 roadmap to run, but still rewrites her updates before they go out", "still rewrites her updates before they go out"},
		{"Still reviews every PRD line by line; specs wait two days for sign-off", "Still reviews every PRD line by line"},
		{"Team engagement fell 9 points in the pulse survey; two engineers asked to move teams", "Team engagement fell 9 points in the pulse survey"},
		{"Missed the beta date by two weeks", "Missed the beta date by two weeks"},
		{"One line still holds out", "One line still holds out"},
		{"Agreed launch scope with Sales without escalation", ""},
	} {
		if got := SetbackClause(tt.text); got != tt.clause {
			t.Errorf("SetbackClause(%q) = %q, want %q", tt.text, got, tt.clause)
		}
		if Setback(tt.text) != (tt.clause != "") {
			t.Errorf("Setback(%q) = %v", tt.text, !(tt.clause != ""))
		}
	}
}

// TestDisagreementOpenedWithOneQuestion: a rating the person puts below or
// above the manager's is opened with one question, in the week's focus or,
// for another skill, in the career conversation.
func TestDisagreementOpenedWithOneQuestion(t *testing.T) {
	p := pm(t)
	p.Levels["delegation"] = 2
	p.Self = map[string]int{"negotiation": 2, "delegation": 1}
	a := agendaFor(t, p, nil, "2026-W49", nil)
	if a.Focus == nil || a.Focus.ID != "negotiation" {
		t.Fatalf("focus %+v", a.Focus)
	}
	if want := "You rate yourself 2 here and I rate you 1, so what have you done at 2 that I may not have seen?"; a.Focus.Ask != want {
		t.Errorf("ask %q", a.Focus.Ask)
	}
	want := "You see yourself further back on delegation and team performance than I do, 1 against my 2, so what would you need to see to call it 2?"
	if a.Career == nil || !contains(a.Career.Points, want) {
		t.Errorf("career conversation: %+v", a.Career)
	}
}

// TestLastNotesCarried: what was written under Notes in the last agenda is
// quoted in the next, at most MaxNotes lines, with how many were left out;
// a fenced "## heading" does not end the notes.
func TestLastNotesCarried(t *testing.T) {
	var b strings.Builder
	b.WriteString("# 1:1\n\n## Notes\n\nPat is nervous about the renewal talk.\n\n```\n## not a heading\n```\n")
	for i := range 12 {
		fmt.Fprintf(&b, "- point %d\n", i)
	}
	b.WriteString("\n## Action items\n\n- [ ] Write the prep page\n")
	w, _ := ParseWeek("2026-W47")
	prev := ReadAgenda(w, []byte(b.String()))
	if len(prev.Notes) != 17 || prev.Notes[0] != "Pat is nervous about the renewal talk." || prev.Notes[3] != "## not a heading" {
		t.Fatalf("notes %q", prev.Notes)
	}
	prev.Count = 1
	a := agendaFor(t, pm(t), nil, "2026-W48", prev)
	if len(a.Notes) != MaxNotes || a.NotesLeft != 5 || a.LastDay != "17 November" {
		t.Errorf("notes %d, left %d, last %q", len(a.Notes), a.NotesLeft, a.LastDay)
	}
	if len(a.Open) != 1 || a.Open[0].Text != "Write the prep page" {
		t.Errorf("open %+v", a.Open)
	}
	long := strings.Repeat("é", 300)
	if got := ReadAgenda(w, []byte("## Notes\n"+long+"\n")).Notes[0]; len(got) > maxNoteLine+len("…") || !strings.HasSuffix(string(got), "…") {
		t.Errorf("a long line read as %d bytes", len(got))
	}
}

// TestFixedBlocksRotate: the check-in, the work review and the feedback
// prompts differ from one week to the next, and neither of the last two
// waits two weeks running.
func TestFixedBlocksRotate(t *testing.T) {
	p := pm(t)
	p.Levels["negotiation"] = 2 // at the bar: a work review every other week at least
	p.Goals = []skills.Goal{{Text: "Ship the renewal flow", Due: day("2027-03-31")}}
	var last *Agenda
	first := func(l []string) string {
		if len(l) == 0 {
			return ""
		}
		return l[0]
	}
	for k := range 8 {
		var prev *PreviousAgenda
		if k > 0 {
			prev = prevAt(t, fmt.Sprintf("2026-W%d", 44+k), k)
		}
		a := agendaFor(t, p, nil, fmt.Sprintf("2026-W%d", 45+k), prev)
		if last != nil && (len(a.Review) == 0 && len(last.Review) == 0 || len(a.Feedback) == 0 && len(last.Feedback) == 0) {
			t.Errorf("agenda %d leaves the same block out as last week's: %q", k+1, a.Waits)
		}
		if last != nil {
			if a.CheckIn == last.CheckIn || first(a.Review) != "" && first(a.Review) == first(last.Review) || len(a.Feedback) > 0 && cmp.Equal(a.Feedback, last.Feedback) {
				t.Errorf("agenda %d repeats last week's: %q %q %q", k+1, a.CheckIn, a.Review, a.Feedback)
			}
		}
		last = a
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestReturnFromLeaveIsReentry: a level moved down after evidence of a
// return from leave is a level to re-assess together, not a drop, and the
// leave is not given as its reason.
func TestReturnFromLeaveIsReentry(t *testing.T) {
	p := pm(t)
	p.Evidence = []skills.Evidence{{Date: day("2026-10-19"), Skill: "communication", Text: "Back from six months of parental leave; met every lead in two weeks"}}
	hist := firstAssessment(t, day("2026-01-12"))
	hist = append(hist, skills.Change{Commit: "c", Date: day("2026-11-03"), Kind: skills.KindLevel, Skill: "market-knowledge", From: "4", To: "3"})
	a := agendaFor(t, p, hist, "2026-W47", nil)
	want := "Industry and market knowledge: to re-assess together; ask Pat what the work shows today, and agree the level before the calibration."
	if !contains(a.Prep, want) {
		t.Errorf("prep: %q", a.Prep)
	}
	for _, l := range a.Prep {
		if strings.Contains(l, "leave") || strings.Contains(l, "moved down") {
			t.Errorf("the lowered level tied to the leave or called a drop: %q", l)
		}
	}
	p.Evidence = nil
	a = agendaFor(t, p, hist, "2026-W47", nil)
	if !contains(a.Prep, "Industry and market knowledge moved down: say what you saw, and agree one thing that would bring it back.") {
		t.Errorf("prep without a leave: %q", a.Prep)
	}
}

// TestCareerConversationNamesARecentBaseline: the month's career
// conversation names the assessment the person's levels rest on, by its date, and who calibrates it by when.
func TestCareerConversationNamesARecentBaseline(t *testing.T) {
	m := matrix(t)
	hist := firstAssessment(t, day("2026-01-12"))
	for _, s := range m.Skills {
		hist = append(hist, skills.Change{Commit: "c", Date: day("2026-09-22"), Author: "Jo Park", Kind: skills.KindLevel, Skill: s.ID, From: "2", To: "3"})
	}
	a := agendaFor(t, pm(t), hist, "2026-W49", prevAt(t, "2026-W48", 2))
	want := "Your levels come from the assessment of 22 September by Jo Park. I will calibrate it with the other managers by Tuesday 5 January 2027, so that it holds up when it counts towards Senior Product Manager."
	if a.Career == nil || !contains(a.Career.Points, want) {
		t.Errorf("career: %+v", a.Career)
	}
	if a := agendaFor(t, pm(t), hist, "2027-W14", prevAt(t, "2027-W13", 2)); a.Career == nil || contains(a.Career.Points, want) {
		t.Errorf("a baseline of over six months ago still named: %+v", a.Career)
	}
}

// firstAssessment is the commit of a skill file's first levels, on day.
func firstAssessment(t *testing.T, on time.Time) []skills.Change {
	out := []skills.Change{{Commit: "first", Date: on, Kind: skills.KindAdded}}
	for _, s := range matrix(t).Skills {
		out = append(out, skills.Change{Commit: "first", Date: on, Kind: skills.KindLevel, Skill: s.ID, To: "2"})
	}
	return out
}

// TestNewHireCareerConversationStaysOnboarding: in a new hire's first 90
// days the monthly conversation is about those days, never the next role.
func TestNewHireCareerConversationStaysOnboarding(t *testing.T) {
	p := pm(t)
	p.Joined = day("2026-10-12")
	a := agendaFor(t, p, nil, "2026-W49", prevAt(t, "2026-W48", 3))
	if a.Onboarding == nil || a.Career == nil {
		t.Fatalf("onboarding %v, career %v", a.Onboarding, a.Career)
	}
	for _, s := range append(append([]string{a.Career.Intro}, a.Career.Points...), a.Career.Questions...) {
		if strings.Contains(s, "Senior Product Manager") || strings.HasPrefix(s, "The move this month") {
			t.Errorf("a new hire's career conversation looks at the next role: %q", s)
		}
	}
	if !strings.Contains(a.Career.Intro, "how the first months are going") {
		t.Errorf("intro %q", a.Career.Intro)
	}
}

// TestLongHistoryFitsTwoScreens: a month of many commits lists the first
// MaxChanges and counts the rest.
func TestLongHistoryFitsTwoScreens(t *testing.T) {
	var hist []skills.Change
	for i := range 11 {
		hist = append(hist, skills.Change{Commit: fmt.Sprint(i), Date: day("2026-11-02").AddDate(0, 0, i), Kind: skills.KindEvidence, Skill: "negotiation", Text: fmt.Sprintf("Agreed scope %d", i)})
	}
	a := agendaFor(t, pm(t), hist, "2026-W47", nil)
	if len(a.Changes) != MaxChanges || a.ChangesLeft != 3 {
		t.Errorf("%d changes listed, %d left", len(a.Changes), a.ChangesLeft)
	}
}

// TestActionSaysTodayInTheOneToOne: the plan's "at the next 1:1" is today
// in the agenda of that 1:1.
func TestTryThisWeekFitsAWeek(t *testing.T) {
	goal := "Agree the renewal scope with Support"
	for _, tt := range []struct {
		name, due, action, want, wantGoal string
	}{
		{"an overdue goal is under Goals due, not quoted again", "2026-10-20", goal + ": it was due on 2026-10-20. Agree a new date at the next 1:1, then hold to it.",
			"Once the renewal scope has a date we both believe, take its next step before our next 1:1, and tell me how the people it involves responded.", goal},
		{"a goal months away becomes one step of it", "2027-03-31", goal + ", by 2027-03-31.",
			"Before your next meeting with Support on the renewal scope, write down what you need from it and what Support needs from you; bring both to our next 1:1.", goal},
		{"a book within two weeks becomes a chapter before the next 1:1", "", "Read *Getting to Yes* by Roger Fisher and William Ury and pick one idea to try in your own work within two weeks.",
			"Read the chapter of *Getting to Yes* that speaks most to negotiation and trade-offs before our next 1:1, and bring one idea you would try.", ""},
		{"a quarter's action starts with its first step", "", "Set up a quarterly market review for the group.",
			"Set up a quarterly market review for the group.", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := pm(t)
			if tt.due != "" {
				p.Goals = []skills.Goal{{Text: goal, Skills: []string{"negotiation"}, Due: day(tt.due)}}
			}
			f := Focus{SkillRef: SkillRef{ID: "negotiation", Name: "Negotiation and trade-offs"}, Next: LevelText{Value: 2, Name: "Practising"}}
			got, g := weeklyTry(Action{Text: tt.action, Evidence: "Two reviews held."}, p, f, day("2026-11-24"), "", 0)
			if got.Text != tt.want {
				t.Errorf("try %q\nwant %q", got.Text, tt.want)
			}
			if gt := ""; g != nil && g.Text != tt.wantGoal || g == nil && tt.wantGoal != gt {
				t.Errorf("goal %v, want %q", g, tt.wantGoal)
			}
			if strings.Contains(got.Text, "within two weeks") || strings.Contains(got.Text, "2027") {
				t.Errorf("not a week's try: %q", got.Text)
			}
		})
	}
	// In an agenda, the overdue goal is quoted once, under Goals due.
	p := pm(t)
	p.Goals = []skills.Goal{{Text: goal, Skills: []string{"negotiation"}, Due: day("2026-10-20")}}
	a := agendaFor(t, p, nil, "2026-W48", nil)
	if a.Focus == nil || a.Focus.Action == nil || strings.Contains(a.Focus.Action.Text, goal) || strings.Contains(a.Focus.Why, goal) {
		t.Errorf("focus quotes the overdue goal again: %+v", a.Focus)
	}
	for _, p := range a.Prep {
		if strings.Contains(p, goal) {
			t.Errorf("prep quotes the overdue goal again: %q", p)
		}
	}
}

// TestQuotedSetbackKeepsWhoItSpeaksOf (cold read 11, finding 5): a
// setback clause that speaks of someone named only outside it is quoted
// with the whole entry, so that "her" has someone to refer to; a clause
// that stands alone is quoted alone.
func TestQuotedSetbackKeepsWhoItSpeaksOf(t *testing.T) {
	for text, want := range map[string]string{
		"Gave Lena the Q1 roadmap to run, but still rewrites her updates before they go out": "Gave Lena the Q1 roadmap to run, but still rewrites her updates before they go out",
		"Still reviews every PRD line by line; specs wait two days for sign-off":             "Still reviews every PRD line by line",
		"Missed the beta date by two weeks":                                                  "Missed the beta date by two weeks",
		"Agreed launch scope with Sales without escalation":                                  "",
	} {
		if got := QuotedSetback(text); got != want {
			t.Errorf("QuotedSetback(%q) = %q, want %q", text, got, want)
		}
	}
}
