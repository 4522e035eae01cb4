package plans

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/coach-dev/coach/skills"
	"github.com/google/go-cmp/cmp"
)

// The second cold read's agenda findings, one test each: the manager's
// commitment asked as one question (6), each thing said once (7), a try
// of the person's own (8), no tool words (5), and the one-offs (weeks on a
// skill counted from the agendas held, the first assessment's real due).

// TestColdRead2Finding6CommitmentAskedAsOneQuestion: the prep asks the
// manager one concrete question about a commitment, in their own voice,
// from its kind and the goal's words; the plan's text is never pasted, and
// a commitment it cannot put as a question is skipped.
func TestColdRead2Finding6CommitmentAskedAsOneQuestion(t *testing.T) {
	p := pm(t)
	p.Name = "Ben Okoro"
	p.Goals = []skills.Goal{{Text: "Lead the renewal-flow scope conversation with Customer Success", Skills: []string{"negotiation"}, Due: day("2027-01-31")}}
	pl := &Plan{Person: Who{ID: "ben", Name: "Ben Okoro"}, Target: RoleRef{Name: "Senior Product Manager"},
		Mentors: []MentorLink{{Person: PersonRef{ID: "omar", Name: "Omar Haddad"}, Skill: SkillRef{ID: "negotiation", Name: "Negotiation and trade-offs"}}}}
	for _, tt := range []struct{ commitment, want string }{
		{`Backing for "Lead the renewal-flow scope conversation with Customer Success" (due 2027-01-31): you do the work and make the calls; Sam clears the time for it, reviews it without rewriting it, and asks about it at each 1:1.`,
			"Did I leave the calls on the renewal-flow scope conversation to Ben, and review the work without rewriting it?"},
		{`Backing for "Lead the renewal-flow scope conversation with Customer Success": you do the work and make the calls; Sam clears the time for it, agrees with you up front what done looks like, then leaves the how to you and asks about it at each 1:1.`,
			"Did I agree with Ben up front what done looks like for the renewal-flow scope conversation, and then stay out of the how?"},
		{"Candour: at each weekly 1:1, what Maya saw that week on the focus skills, good or not, with the example; and two hours of your week kept free of other work for them.",
			"Did I tell Ben what I saw on negotiation and trade-offs since our last 1:1, good or not, with the example?"},
		{"An introduction to Omar Haddad as a mentor in negotiation and trade-offs, with a first working session in the next month.",
			"Have I introduced Ben to Omar Haddad yet, for a first session on negotiation and trade-offs?"},
		{"Sponsorship: a slot for you at the next leadership review to present your own work, and the gaps to the Senior Product Manager bar named openly.",
			"Have I booked Ben's slot at the next leadership review?"},
		{"Lena Fischer as onboarding buddy: a half-hour every week for the first two months, to ask what nobody writes down.",
			"Did Ben and Lena Fischer have their weekly half-hour as buddies since our last 1:1?"},
		{"Something new the plan will say one day.", ""},
	} {
		a := &Agenda{Number: 1, FirstName: "Ben", Focus: &WeekFocus{SkillRef: SkillRef{ID: "negotiation", Name: "Negotiation and trade-offs"}}}
		pl.Commitments = []string{tt.commitment}
		if got := commitmentToCheck(pl, p, a); got != tt.want {
			t.Errorf("%q:\n got %q\nwant %q", tt.commitment, got, tt.want)
		}
	}
	// In a whole agenda: one question, in the manager's voice, and none of
	// the plan's wording.
	a := agendaFor(t, pm(t), nil, "2026-W48", prevAt(t, "2026-W47", 1))
	prep := strings.Join(a.Prep, "\n")
	for _, bad := range []string{"Check one of your own commitments", "Kept, under way or not yet", "Backing for", "Room to grow:", "Candour:", " saw that week"} {
		if strings.Contains(prep, bad) {
			t.Errorf("prep pastes the plan (%q):\n%s", bad, prep)
		}
	}
	if n := strings.Count(prep, "Ask yourself before you go in: "); n != 1 {
		t.Errorf("prep asks %d questions of the manager, want 1:\n%s", n, prep)
	}
}

// TestColdRead2Finding7SaidOnce: how long a goal is past its date is said
// once, in its date's words, and the ask after it moves on.
func TestColdRead2Finding7AgendaSaidOnce(t *testing.T) {
	p := pm(t)
	p.Goals = []skills.Goal{{Text: "Hand the release notes to the team", Due: day("2026-10-31")}}
	for _, ws := range []string{"2026-W49", "2026-W50", "2026-W52"} {
		a := agendaFor(t, p, nil, ws, prevAt(t, "2026-W48", 2))
		g := a.GoalsDue[0]
		line := g.When + ". " + g.Ask
		if strings.Count(line, "week") > 1 || strings.Contains(g.Ask, "past its date") {
			t.Errorf("%s: says how late twice: %q", ws, line)
		}
	}
}

// TestColdRead2Finding8TryTiedToThePerson: the week's try is a step of the
// person's own goal, with its counterpart and date, or of their own
// evidence; two people on the same skill with different goals never get
// one sentence with the goal dropped in.
func TestColdRead2Finding8TryTiedToThePerson(t *testing.T) {
	d := day("2026-12-01")
	for _, tt := range []struct{ goal, due, want string }{
		{"Lead the renewal-flow scope conversation with Customer Success", "2027-01-31",
			"Before your next meeting with Customer Success on the renewal-flow scope conversation, write down what you need from it and what Customer Success needs from you; bring both to our next 1:1."},
		{"Present the 2027 product vision to the executive team", "2027-02-15",
			"Write the three things the executive team must take away from the 2027 product vision, a line each, and test them on one person who knows them before our next 1:1."},
		{"Present the 2027 checkout roadmap to the leadership team", "2026-12-15",
			"The 2027 checkout roadmap goes to the leadership team on 15 December: before then, hold a full run-through with one person who knows them, and cut what they did not need."},
		{"Own the onboarding activation metric and move 7-day activation from 31% to 36%", "2027-02-28",
			"Ask two of the people 7-day activation measures what would move it for them, before our next 1:1, and bring their words with the change you will try first."},
		{"Meet the five largest bank partners again and rebuild the partner map", "2026-12-18",
			"Book the first of the meetings with the five largest bank partners before our next 1:1, and write down the one question you will ask each."},
		{"Hand the weekly release review to Tomás", "2026-10-30",
			"Once we have agreed what happens to the hand-over, give Tomás one part of the weekly release review to run alone before our next 1:1, and stay out of it."},
		{"Run a monthly experimentation clinic for every PM in the group", "2027-03-31",
			"Put the next monthly experimentation clinic in the diary before our next 1:1, with the one thing it should settle."},
		{"Mentor Sam Patel through his first quarter", "2027-01-15",
			"In your next session with Sam Patel, ask what they would do before you say what you would, and note how much of the time you talked."},
	} {
		p := pm(t)
		g := skills.Goal{Text: tt.goal, Skills: []string{"negotiation"}, Due: day(tt.due)}
		p.Goals = []skills.Goal{g}
		got, gp := weeklyTry(Action{Text: tt.goal + ", by " + tt.due + "."}, p, Focus{SkillRef: SkillRef{ID: "negotiation", Name: "Negotiation and trade-offs"}}, d, "", 0)
		if got.Text != tt.want || gp == nil {
			t.Errorf("%q:\n got %q\nwant %q", tt.goal, got.Text, tt.want)
		}
	}
	// The same goal a second and a third time moves on: the decision it
	// waits on, then the view of those it is with; and never last week's
	// step again, whatever its turn. (Due weeks away: within two weeks of
	// its date, its later steps are the work itself, see soonStep.)
	p := pm(t)
	p.Goals = []skills.Goal{{Text: "Run the refund-flow usability tests with Design", Skills: []string{"negotiation"}, Due: day("2027-01-29")}}
	neg := Focus{SkillRef: SkillRef{ID: "negotiation", Name: "Negotiation and trade-offs"}}
	last := ""
	var steps []string
	for turn := range 4 {
		a, _ := weeklyTry(Action{Text: p.Goals[0].Text + "."}, p, neg, d, last, turn)
		steps = append(steps, a.Text)
		last = a.Text
	}
	wantSteps := []string{
		"Before your next meeting with Design on the refund-flow usability tests, write down what you need from it and what Design needs from you; bring both to our next 1:1.",
		"Name the next decision on the refund-flow usability tests (due 29 January 2027) and who makes it, and if it is yours, make it before our next 1:1.",
		"Ask Design what would make the refund-flow usability tests a success for them, and bring their words, not yours, to our next 1:1.",
		"Before your next meeting with Design on the refund-flow usability tests, write down what you need from it and what Design needs from you; bring both to our next 1:1.",
	}
	if diff := cmp.Diff(wantSteps, steps); diff != "" {
		t.Errorf("a goal's steps week by week (-want +got):\n%s", diff)
	}
	if again, _ := weeklyTry(Action{Text: p.Goals[0].Text + "."}, p, neg, d, wantSteps[1], 1); again.Text == wantSteps[1] {
		t.Errorf("last week's step again: %q", again.Text)
	}
	// No goal: the level's action, started this week.
	p = pm(t)
	p.Evidence = []skills.Evidence{{Date: day("2026-11-10"), Skill: "negotiation", Text: "Agreed launch scope with Sales without escalation"}}
	f := Focus{SkillRef: SkillRef{ID: "negotiation", Name: "Negotiation and trade-offs"}, Next: LevelText{Value: 3, Name: "Proficient"}}
	got, _ := weeklyTry(Action{Text: "Lead the scope negotiation for a launch end to end, offering options rather than a single position."}, p, f, d, "", 0)
	// The matrix's action alone, one clean sentence (cold read 7, finding 2).
	want := "Lead the scope negotiation for a launch end to end, offering options rather than a single position."
	if got.Text != want {
		t.Errorf("from evidence:\n got %q\nwant %q", got.Text, want)
	}
	// A setback: the try starts from the clause that records it.
	p.Evidence = []skills.Evidence{{Date: day("2026-11-12"), Skill: "negotiation", Text: "Gave the roadmap away, but still rewrites the updates"}}
	got, _ = weeklyTry(Action{Text: `Start from what the evidence says: "still rewrites the updates". Try something else.`}, p, f, d, "", 0)
	want = "The note of 12 November reads “still rewrites the updates”: before our next 1:1, catch the next moment it happens, do one thing differently, and write down what followed."
	if got.Text != want {
		t.Errorf("setback:\n got %q\nwant %q", got.Text, want)
	}
}

// TestColdRead2Finding5NoToolWords: the header counts no agendas, and the
// career conversation says where the person stands in words, not the
// plan's verdict in quotation marks.
func TestColdRead2Finding5NoToolWords(t *testing.T) {
	for kind, want := range map[Verdict]string{
		{Kind: "not-yet", Text: "not yet: the current role first"}: "Towards Senior Product Manager: not yet, because the Product Manager role comes first.",
		{Kind: "held", Text: "held until calibration"}:             "Towards Senior Product Manager: I hold my judgement until your levels are calibrated.",
		{Kind: "ready-soon", Text: "ready in 6-12 months"}:         "Towards Senior Product Manager: close, and realistically ready in 6-12 months.",
		{Kind: "onboarding", Text: "onboarding"}:                   "",
	} {
		pl := &Plan{Role: RoleRef{Name: "Product Manager"}, Target: RoleRef{Name: "Senior Product Manager"}, Verdict: kind}
		if got := verdictWords(pl, time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)); got != want {
			t.Errorf("%+v: %q, want %q", kind, got, want)
		}
	}
}

// TestCareerAsksAboutTheGap: "not yet, the current role first" is asked
// about in the manager's voice, from the plan's gaps and start, not the
// plan's At a glance restated (cold read 15, finding 2).
func TestCareerAsksAboutTheGap(t *testing.T) {
	d := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	v := Verdict{Kind: "not-yet", Text: "not yet: the current role first", Why: "Negotiation and trade-offs is below the Product Manager bar today, and this plan is about closing it by the next review"}
	pl := &Plan{Role: RoleRef{Name: "Product Manager"}, Target: RoleRef{Name: "Senior Product Manager"}, Verdict: v, Start: "2026-11-10",
		Current: Readiness{Below: []SkillGap{{SkillRef: SkillRef{ID: "negotiation", Name: "Negotiation and trade-offs"}}}}}
	want := "Towards Senior Product Manager: first the Product Manager bar, where the gap today is negotiation and trade-offs. Start with how far you think you have closed it since 10 November."
	if got := verdictWords(pl, d); got != want {
		t.Errorf("one gap:\n got %q\nwant %q", got, want)
	}
	pl.Current.Below = append(pl.Current.Below, SkillGap{SkillRef: SkillRef{ID: "discovery", Name: "Product discovery and UX"}})
	want = "Towards Senior Product Manager: first the Product Manager bar, where the gaps today are negotiation and trade-offs and product discovery and UX. Start with how far you think you have closed them since 10 November."
	if got := verdictWords(pl, d); got != want {
		t.Errorf("two gaps:\n got %q\nwant %q", got, want)
	}
}

// TestColdRead2OneOffWeeksOnASkillCounted: a plan with one focus skill
// counts the weeks on it from the agendas held (the third week says 3, not
// "1 of 2"), and an unreadable last agenda starts the count again.
func TestColdRead2OneOffWeeksOnASkillCounted(t *testing.T) {
	p := pm(t)
	m, cfg := matrix(t), skills.DefaultConfig()
	pl, err := Build(Input{Matrix: m, Config: cfg, Person: p, Team: []*skills.Person{p}})
	if err != nil {
		t.Fatal(err)
	}
	pl.Focus = pl.Focus[:1]
	var got []int
	prev := &PreviousAgenda{Week: Week{2026, 46}, Unreadable: true, Count: 1} // a file that is not text
	for i, ws := range []string{"2026-W47", "2026-W48", "2026-W49"} {
		w, _ := ParseWeek(ws)
		a := BuildAgenda(AgendaInput{Plan: pl, Matrix: m, Config: cfg, Person: p, Week: w, Previous: prev})
		got = append(got, a.Focus.Of)
		if a.Focus.Weeks != 0 {
			t.Errorf("%s: one focus skill, yet weeks counted against %d", ws, a.Focus.Weeks)
		}
		prev = ReadAgenda(w, []byte("# 1:1\n\n## Focus of the week\n\n### "+a.Focus.Name+" (week "+strconv.Itoa(a.Focus.Of)+" on it)\n"))
		prev.Count = i + 2
	}
	if diff := cmp.Diff([]int{1, 2, 3}, got); diff != "" {
		t.Errorf("weeks on the skill (-want +got):\n%s", diff)
	}
	// An agenda written before the heading said "week" reads too.
	old := ReadAgenda(Week{2026, 48}, []byte("### Negotiation and trade-offs (agenda 2 of 2 on it)\n"))
	if old.Focus != "Negotiation and trade-offs" || old.FocusWeek != 2 {
		t.Errorf("old heading read as %q, %d", old.Focus, old.FocusWeek)
	}
}

// TestColdRead2OneOffFirstAssessmentSaysWhatIsDue: a new hire's agenda
// names the skills still to assess by the first assessment's date, goal
// skills first, and nothing once every skill has a level.
func TestColdRead2OneOffFirstAssessmentSaysWhatIsDue(t *testing.T) {
	pl := &Plan{AssessFirst: []SkillRef{{ID: "hiring", Name: "Hiring"}, {ID: "ux", Name: "UX discovery"}},
		Goals: []GoalItem{{Text: "Ship it", Skills: []SkillRef{{ID: "ux", Name: "UX discovery"}}}}}
	if got, want := stillToAssess(pl, "10 January 2027"), "Still to assess by 10 January 2027: UX discovery and hiring."; got != want {
		t.Errorf("%q, want %q", got, want)
	}
	pl.AssessFirst = nil
	if got := stillToAssess(pl, "10 January 2027"); got != "" {
		t.Errorf("every skill assessed, yet %q", got)
	}
}
