package plans

import (
	"strings"
	"testing"
	"time"

	"github.com/coach-dev/coach/skills"
)

// TestHowItWentOnlyOfWorkBegun (cold read 7, finding 3): an agenda asks
// how work went, or where it stands, only when the file shows it begun
// (evidence on the goal's skills since the goal was written); of work not
// begun it asks the first step.
func TestHowItWentOnlyOfWorkBegun(t *testing.T) {
	goal := skills.Goal{Text: "Write the two-page strategy for the checkout area", Skills: []string{"product-strategy"}, Due: day("2027-01-20")}
	written := []skills.Change{{Kind: skills.KindGoal, Text: goal.Text, Date: time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC)}}
	p := &skills.Person{ID: "chloe", Name: "Chloe Martin", PlanStart: day("2026-06-01"), Goals: []skills.Goal{goal},
		Evidence: []skills.Evidence{{Date: day("2026-10-01"), Skill: "product-strategy", Text: "Wrote the one-page strategy"}}}
	w47 := day("2026-11-17")
	if goalStarted(p, written, goal, w47) {
		t.Errorf("evidence older than the goal counts as work on it")
	}
	if !goalStarted(p, nil, goal, w47) {
		t.Errorf("with no history of the goal, evidence since the plan's start does not count")
	}
	p.Evidence = append(p.Evidence, skills.Evidence{Date: day("2026-11-20"), Skill: "product-strategy", Text: "First page shared with Design"})
	if goalStarted(p, written, goal, w47) {
		t.Errorf("evidence dated after the 1:1 counts")
	}
	if !goalStarted(p, written, goal, day("2026-11-24")) {
		t.Errorf("evidence since the goal was written does not count")
	}

	focus := &WeekFocus{SkillRef: SkillRef{ID: "product-strategy", Name: "Vision and product strategy"}}
	var begun, notBegun []string
	for n := 1; n <= 6; n += 2 {
		begun = append(begun, feedbackPrompts("chloe", "Chloe", n, focus, goal.Text, true, false, nil)...)
		notBegun = append(notBegun, feedbackPrompts("chloe", "Chloe", n, focus, goal.Text, false, false, nil)...)
	}
	if want := "For Chloe: where your work on “Write the two-page strategy for the checkout area” made the biggest difference, and what I would do differently."; !contains(begun, want) {
		t.Errorf("work begun: %q, want %q among them", begun, want)
	}
	if want := "For Chloe: your first step on “Write the two-page strategy for the checkout area”, and what you want my view on before you take it."; !contains(notBegun, want) {
		t.Errorf("work not begun: %q, want %q among them", notBegun, want)
	}
	for _, s := range notBegun {
		if strings.Contains(s, "made the biggest difference") {
			t.Errorf("asks how work not begun went: %q", s)
		}
	}

	p2 := &skills.Person{ID: "x", Goals: []skills.Goal{goal}}
	if got, want := workReview(p2, false, 1, w47, nil, "", func(skills.Goal) bool { return true }), "Bring where “Write the two-page strategy for the checkout area” stands (due 20 January 2027) and the next decision in it."; got != want {
		t.Errorf("work review of work begun: %q, want %q", got, want)
	}
	if got, want := workReview(p2, false, 1, w47, nil, "", func(skills.Goal) bool { return false }), "Bring the first step you will take on “Write the two-page strategy for the checkout area” (due 20 January 2027), and what you need to take it."; got != want {
		t.Errorf("work review of work not begun: %q, want %q", got, want)
	}
}

// TestStayingConversationInTheCareerConversation (cold read 7, finding 7):
// the conversation about staying a plan promises to someone ready for
// months is held at their next career conversation, with their own facts.
func TestStayingConversationInTheCareerConversation(t *testing.T) {
	pl := &Plan{AtBarSince: "2026-07-28", Target: RoleRef{Name: "Senior Product Manager"}}
	pl.Verdict.Kind = "ready-now"
	p := &skills.Person{Name: "Nora Reyes", Evidence: []skills.Evidence{
		{Date: day("2026-11-12"), Skill: "outcome-focus", Text: "Search success rate up from 61% to 66% since July"},
		{Date: day("2026-12-20"), Skill: "communication", Text: "Presented the strategy to the board"},
		{Date: day("2026-11-20"), Skill: "communication", Text: "Missed the planning deadline"},
	}}
	want := "About staying: you have been ready for Senior Product Manager since 28 July, four months now, and the work shows it (“Search success rate up from 61% to 66% since July”, 12 November). What would make you leave, and what do you need from me while the promotion round comes? I will say plainly what I can and cannot promise."
	if got := stayingWords(pl, p, day("2026-12-01")); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	pl.Calibration = "the assessment of 18 November"
	if got := stayingWords(pl, p, day("2026-12-01")); got != "" {
		t.Errorf("promised on levels still to calibrate: %q", got)
	}
}

// TestTryIsOneSentence (cold read 7, finding 2): the week's idea to try is
// one clean sentence: the matrix's action alone (what the week holds is
// said under what would show it), and a goal's step with the people it
// names, never a second clause of the goal glued in as a party. What would
// show a months-long action is the plan's own evidence for it, never a
// sentence any skill would take (cold read 13).
func TestTryIsOneSentence(t *testing.T) {
	g := skills.Goal{Text: "Write the 2027 search strategy with the Data team and take it through planning", Skills: []string{"product-strategy"}, Due: day("2027-02-28")}
	if w := parseGoal(g.Text); w.With != "the Data team" {
		t.Errorf("with %q, want %q", w.With, "the Data team")
	}
	if got, want := goalStep(g, day("2026-12-01"), nil, "", true), "Write the first page of the 2027 search strategy before our next 1:1, show it to the Data team, and bring the question it raised."; got != want {
		t.Errorf("goal step:\n got %q\nwant %q", got, want)
	}
	p := &skills.Person{ID: "x", Name: "Pat Doe"}
	f := Focus{SkillRef: SkillRef{ID: "negotiation", Name: "Negotiation and trade-offs"}, Next: LevelText{Value: 2, Name: "Practising"}}
	got, _ := weeklyTry(Action{Text: "Set up a quarterly market review for the group.", Evidence: "Two reviews held."}, p, f, day("2026-11-24"), "", 0)
	want := Action{Text: "Set up a quarterly market review for the group.", Evidence: "Two reviews held.", Started: true}
	if got != want {
		t.Errorf("matrix action:\n got %+v\nwant %+v", got, want)
	}
	if !longAction(got) {
		t.Errorf("a matrix action is not started this week: %+v", got)
	}
}

// TestNoteSaidToThePerson (cold read 7, finding 4): an agenda speaks to
// the person, and a file gives no pronouns: a note's he or she about them
// reads you; one about someone the note names stays as written.
func TestNoteSaidToThePerson(t *testing.T) {
	p := &skills.Person{Name: "Sam Patel"}
	for text, want := range map[string]string{
		"Sat in on six support calls in his first three weeks and summarised the top three problems": "Sat in on six support calls in your first three weeks and summarised the top three problems",
		"Fortnightly artifact reviews with Ivy since she joined":                                     "Fortnightly artifact reviews with Ivy since she joined",
		"Sam ran his first experiment review":                                                        "Sam ran his first experiment review",
	} {
		if got := toYou(text, p); got != want {
			t.Errorf("toYou(%q) = %q, want %q", text, got, want)
		}
	}
	kofi := &skills.Person{Name: "Kofi Mensah"}
	if got, want := clauseToYou("Gave Lena the Q1 disputes roadmap to run, but still rewrites her stakeholder updates before they go out", kofi), "still rewrites her stakeholder updates before they go out"; got != want {
		t.Errorf("clause about someone named: %q, want %q", got, want)
	}
}

// TestFollowUpOfWorkStarted: last week's work to start, which runs for
// months, is followed up by how far its first step got, not how it went.
func TestFollowUpOfWorkStarted(t *testing.T) {
	w, _ := ParseWeek("2026-W47")
	got := ReadAgenda(w, []byte("# 1:1\n\n## Focus of the week\n\n- Start this week: Hold a fortnightly discovery critique for the group.\n"))
	if got.TryThis != "Hold a fortnightly discovery critique for the group." || !got.TryStarted {
		t.Errorf("read %q, started %v", got.TryThis, got.TryStarted)
	}
	a := agendaFor(t, pm(t), nil, "2026-W48", got)
	if f := a.FollowUp; f == nil || !f.Started || f.Text != "Hold a fortnightly discovery critique for the group." {
		t.Errorf("follow-up %+v", a.FollowUp)
	}
}
