package plans

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/coach-dev/coach/skills"
)

// The sixth cold read's findings on plans (/work/COLDREAD6.md). Every
// person is made up here: the rules read files, never the example's names.

// aspirationLine is the line of pl's "Where you want to go" that starts
// with prefix, "" when none does.
func aspirationLine(pl *Plan, prefix string) string {
	if pl.Aspiration == nil {
		return ""
	}
	for _, l := range pl.Aspiration.Path {
		if strings.HasPrefix(l, prefix) {
			return l
		}
	}
	return ""
}

// TestColdRead6Finding25TheDateIsJudged: the person's own date for the
// role they want is said against what their gap takes at steady progress.
func TestColdRead6Finding25TheDateIsJudged(t *testing.T) {
	m := matrix(t)
	// One level short of the gpm bar on every skill where senior-pm's bar
	// is lower: a wide gap, at the current role's bar everywhere.
	levels := atBar(m, "senior-pm")
	gap := 0
	for _, s := range m.Skills {
		if s.Expect["gpm"] > s.Expect["senior-pm"] {
			gap += s.Expect["gpm"] - levels[s.ID]
		}
	}
	lead := &skills.Person{ID: "ros", Name: "Ros Hale", Role: "director", Levels: atBar(m, "director")}
	if gap != 16 {
		t.Fatalf("the default matrix changed: a gap of %d levels, the cases below assume 16", gap)
	}
	tests := []struct{ by, want string }{
		{"2027-09-30", "The time: 2027-09-30 is ten months after the assessment of 2026-11-10, three reviews of this plan away. With 16 levels to close, realistically 18-24 months at steady progress, the date is ambitious: talk it through with Ros, to keep it with more support than this plan gives or to move it."},
		{"2028-07-31", "The time: 2028-07-31 is 20 months after the assessment of 2026-11-10, six reviews of this plan away: realistic for 16 levels to close, which takes 18-24 months at steady progress."},
		{"2029-05-31", "The time: 2029-05-31 is 30 months after the assessment of 2026-11-10, ten reviews of this plan away: more than the 18-24 months that closing 16 levels takes at steady progress, so there is room in it."},
	}
	for _, tt := range tests {
		p := &skills.Person{ID: "ada", Name: "Ada Moss", Role: "senior-pm", Target: "gpm", Manager: "ros", Levels: levels,
			Assessed: day("2026-11-10"), Aspiration: &skills.Aspiration{Track: skills.TrackManager, Role: "gpm", By: day(tt.by)}}
		pl := build(t, p, lead)
		if got := aspirationLine(pl, "The time:"); got != tt.want {
			t.Errorf("by %s:\n got %q\nwant %q", tt.by, got, tt.want)
		}
	}
}

// TestColdRead6Finding20NoMentorOnAnUncalibratedLevel: a teammate whose
// level in a skill comes from a re-baseline nobody has calibrated is not
// matched as a mentor in it on that level; one who holds it is.
func TestColdRead6Finding20NoMentorOnAnUncalibratedLevel(t *testing.T) {
	m := matrix(t)
	nia := &skills.Person{ID: "nia", Name: "Nia Obi", Role: "pm", Manager: "lee",
		Levels: with(atBar(m, "pm"), map[string]int{"outcome-focus": 1}), Assessed: day("2026-11-10")}
	first := with(atBar(m, "pm"), map[string]int{"outcome-focus": 2})
	rebased := map[string]int{}
	for id, l := range first {
		rebased[id] = min(l+2, 5)
	}
	h := commitOf("c1", "2026-01-14", "Lee Park", "First assessments, calibrated", nil, first)
	h = append(h, commitOf("c2", "2026-11-02", "Lee Park", "New levels for Cleo", first, rebased)...)
	// Both hold outcomes and metrics above the Senior PM bar Nia is
	// reaching, with an example written down; Cleo's level is her
	// manager's re-baseline.
	cleo := &skills.Person{ID: "cleo", Name: "Cleo Marsh", Role: "pm", Manager: "lee", Levels: rebased, Assessed: day("2026-11-02"), PlanStart: day("2026-06-01"),
		Evidence: []skills.Evidence{{Date: day("2026-10-21"), Skill: "outcome-focus", Text: "Set the activation target for onboarding and read it every week"}}}
	ola := &skills.Person{ID: "ola", Name: "Ola Berg", Role: "pm", Manager: "lee",
		Levels: with(atBar(m, "pm"), map[string]int{"outcome-focus": rebased["outcome-focus"]}), Assessed: day("2026-11-03"),
		Evidence: []skills.Evidence{{Date: day("2026-10-20"), Skill: "outcome-focus", Text: "Moved the renewal rate from 81% to 86% in a quarter"}}}
	lee := &skills.Person{ID: "lee", Name: "Lee Park", Role: "gpm", Levels: atBar(m, "gpm")}
	hist := map[string][]skills.Change{"cleo": person(h, "cleo")}
	pl := buildWith(t, nia, hist, cleo, ola, lee)
	var got []string
	for _, l := range pl.Mentors {
		got = append(got, l.Skill.ID+": "+l.Person.Name)
	}
	if want := []string{"outcome-focus: Ola Berg"}; !slices.Equal(got, want) {
		t.Errorf("mentors = %q, want %q", got, want)
	}
	// Without Ola, nobody: Cleo's level is a rating not yet calibrated.
	pl = buildWith(t, nia, hist, cleo, lee)
	if len(pl.Mentors) != 0 {
		t.Errorf("mentors = %+v, want none on an uncalibrated re-baseline", pl.Mentors)
	}
}

// buildCfg builds p's plan with cfg, its history and a team indexed with it.
func buildCfg(t *testing.T, cfg skills.Config, p *skills.Person, history map[string][]skills.Change, team ...*skills.Person) *Plan {
	t.Helper()
	m := matrix(t)
	all := append([]*skills.Person{p}, team...)
	for _, q := range all {
		if q.Path == "" {
			q.Path = "skills/" + q.ID + ".toml"
		}
	}
	pl, err := Build(Input{Matrix: m, Config: cfg, Person: p, Team: all, Index: IndexTeamWith(m, cfg, all, history), History: history[p.ID]})
	if err != nil {
		t.Fatal(err)
	}
	return pl
}

// TestColdRead6Finding23ReadyForMonths: someone at the target's bar for
// months gets the real path: the manager's case at the next promotion
// round, scope in the target role's terms, a conversation about staying;
// and no role "opening up" when the team's shape has every one filled.
func TestColdRead6Finding23ReadyForMonths(t *testing.T) {
	m := matrix(t)
	h := commitOf("c1", "2026-05-19", "Rosa Lind", "At the bar, calibrated", nil, atBar(m, "gpm"))
	hist := map[string][]skills.Change{"p": person(h, "p")}
	newP := func() *skills.Person {
		return &skills.Person{ID: "p", Name: "Pat Doe", Role: "senior-pm", Manager: "rosa", Levels: atBar(m, "gpm"), Assessed: day("2026-11-19"), PlanStart: day("2026-06-01")}
	}
	rosa := &skills.Person{ID: "rosa", Name: "Rosa Lind", Role: "gpm", Levels: atBar(m, "gpm")}
	cfg := skills.DefaultConfig()
	cfg.Team.Shape = map[string]int{"gpm": 1}
	pl := buildCfg(t, cfg, newP(), hist, rosa)
	if want := "you are at or above the Group Product Manager bar on every assessed skill, and have been since 2026-05-19. What decides it now is not a skill but Rosa's case for you at the next promotion round; every Group Product Manager role the team plans for is filled today, so until then the plan gives you scope in that role's terms"; pl.Verdict.Why != want {
		t.Errorf("verdict:\n got %q\nwant %q", pl.Verdict.Why, want)
	}
	for _, want := range []string{
		"Sponsorship: make the case for you as Group Product Manager at the next promotion round, with the evidence in this plan.",
		"Scope in Group Product Manager terms before the title: a part of the group's roadmap that is yours to run, with its decisions, agreed at the next 1:1.",
		// Cold read 7: on the day of the next career conversation, in the
		// words of Pat's own file (nothing written down since).
		"What you need from us while the promotion round comes, talked through at the career conversation on Tuesday 1 December, the first 1:1 of December: you have been at the Group Product Manager bar since 2026-05-19, six months, with nothing new written down since: Rosa asks what has kept your work out of sight, as that is what a promotion case needs. In it, Rosa says plainly what can and cannot be promised.",
	} {
		if !slices.Contains(pl.Commitments, want) {
			t.Errorf("commitments %q\nlack %q", pl.Commitments, want)
		}
	}
	// What Pat has shown since is quoted, and a first 1:1 of the month
	// still ahead on the 1:1 weekday is the day.
	p := newP()
	p.Assessed = day("2026-12-01")
	p.Evidence = []skills.Evidence{
		{Date: day("2026-04-01"), Skill: "coaching", Text: "Before the bar: not counted"},
		{Date: day("2026-09-15"), Skill: "portfolio-strategy", Text: "Moved two engineers to fraud after sizing both backlogs"},
		{Date: day("2026-11-05"), Skill: "team-health", Text: "Ran the retro; two of its actions have shipped"},
	}
	cfg.Agenda.Weekday = "thursday"
	pl = buildCfg(t, cfg, p, hist, rosa)
	if want := `What you need from us while the promotion round comes, talked through at the career conversation on Thursday 3 December, the first 1:1 of December: you have been at the Group Product Manager bar since 2026-05-19, six months, with two pieces of work written down since, the latest of 2026-11-05 ("Ran the retro; two of its actions have shipped"). In it, Rosa says plainly what can and cannot be promised.`; !slices.Contains(pl.Commitments, want) {
		t.Errorf("commitments %q\nlack %q", pl.Commitments, want)
	}
	cfg.Agenda.Weekday = ""
	// A role the shape still wants is one that may open up.
	cfg.Team.Shape = map[string]int{"gpm": 2}
	pl = buildCfg(t, cfg, newP(), hist, rosa)
	if !strings.HasSuffix(pl.Verdict.Why, "What stands between you and it is not a skill but a team to lead: a Group Product Manager role opening up, and Rosa's case for you at the next promotion round") {
		t.Errorf("verdict with a role to fill = %q", pl.Verdict.Why)
	}
}

// TestColdRead6Finding24TheTeamsRealSituation: a leader's people section
// names a report who wants the other track, the roles short against the
// team's shape and whether anyone is within reach of them, and who could
// step into the leader's role: for every leader, from the files.
func TestColdRead6Finding24TheTeamsRealSituation(t *testing.T) {
	m := matrix(t)
	ria := &skills.Person{ID: "ria", Name: "Ria Sen", Role: "director", Manager: "vp", Levels: atBar(m, "director"), Assessed: day("2026-11-10")}
	sol := &skills.Person{ID: "sol", Name: "Sol Varga", Role: "gpm", Manager: "ria", Levels: atBar(m, "gpm"), Assessed: day("2026-11-10"),
		Aspiration: &skills.Aspiration{Track: skills.TrackIC}}
	ada := &skills.Person{ID: "ada", Name: "Ada Moss", Role: "senior-pm", Manager: "ria", Levels: atBar(m, "senior-pm"), Assessed: day("2026-11-10"),
		Aspiration: &skills.Aspiration{Track: skills.TrackManager, Role: "gpm", By: day("2027-09-30")}}
	cfg := skills.DefaultConfig()
	cfg.Team.Shape = map[string]int{"senior-pm": 2, "gpm": 2, "director": 1}
	pl := buildCfg(t, cfg, ria, nil, sol, ada)
	want := []string{
		"You lead Ada Moss and Sol Varga.",
		"Ada Moss wants to lead people as Group Product Manager by 2027-09-30: Ada's plan practises it before the title; ask at your 1:1s how that practice is going for the people it serves.",
		"Sol Varga, who leads people today, wants the individual-contributor track: agree with Sol what the move asks and who takes on Sol's people, and when, before anything is announced.",
		"The team is short against its planned shape: one Senior Product Manager (1 of 2), a hire, as nobody in the team is within reach of it yet; two Group Product Manager roles (0 of 2), hires, as nobody in the team is within reach of the role yet. Sol Varga wants the individual-contributor track, and once the hand-over of the team is agreed, that Group Product Manager seat counts as open. The hiring plan for them is yours to start.",
		"Nobody in your line could step into your role (Director of Product) yet, were you to move or be away for long: name at your next review whose plan could aim at it.",
	}
	if !slices.Equal(pl.People, want) {
		t.Errorf("people:\n got %q\nwant %q", pl.People, want)
	}
	// A leader under Ria hears of the team's shape nowhere: it is Ria's.
	lee := &skills.Person{ID: "lee", Name: "Lee Park", Role: "senior-pm", Manager: "sol", Levels: atBar(m, "senior-pm"), Assessed: day("2026-11-10")}
	sol.Role = "gpm"
	pl = buildCfg(t, cfg, sol, nil, ria, ada, lee)
	if want := []string{
		"You lead Lee Park.",
		"Your move to the individual-contributor track leaves Lee without a manager: nobody in your line is within reach of Group Product Manager yet, so their next manager comes from elsewhere or from a hire. Agree with Ria at your next 1:1 who leads them, and from when, before anything is announced. What their plan commits their manager to passes to that next manager as it stands: those commitments are written to \"your manager\".",
	}; !slices.Equal(pl.People, want) {
		t.Errorf("a leader under the top:\n got %q\nwant %q", pl.People, want)
	}
}

// TestColdRead6Finding14StrengthsUnderPressure: someone below their role's
// bar still has strengths, measured against the job they hold: above its
// bar, each with what shows it; a level at the bar is the job done, and one
// just above it with nothing written down to show it is not one.
func TestColdRead6Finding14StrengthsUnderPressure(t *testing.T) {
	m := matrix(t)
	levels := with(atBar(m, "gpm"), map[string]int{"coaching": 2, "delegation": 2, "team-health": 2, "execution-delivery": 4, "technical-fluency": 4})
	mo := &skills.Person{ID: "mo", Name: "Mo Bell", Role: "gpm", Manager: "rosa", Levels: levels, Assessed: day("2026-11-16"), PlanStart: day("2026-09-01"),
		Evidence: []skills.Evidence{
			{Date: day("2026-10-05"), Skill: "execution-delivery", Text: "Shipped the billing migration on the date promised to Finance"},
			{Date: day("2026-09-20"), Skill: "customer-insight", Text: "Ran twelve customer calls before the pricing change"},
			{Date: day("2026-11-13"), Skill: "delegation", Text: "Still reviews every spec line by line"},
		}}
	rosa := &skills.Person{ID: "rosa", Name: "Rosa Lind", Role: "director", Levels: atBar(m, "director")}
	pl := build(t, mo, rosa)
	if len(pl.Current.Below) == 0 {
		t.Fatalf("the case needs someone below the bar: %+v", pl.Current)
	}
	var got []string
	for _, s := range pl.Strengths {
		got = append(got, fmt.Sprintf("%s %d shows %s", s.ID, s.Level, s.Shows))
	}
	want := []string{
		`execution-delivery 4 shows 2026-10-05 ("Shipped the billing migration on the date promised to Finance")`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("strengths:\n got %q\nwant %q", got, want)
	}
	// At the current bar everywhere, with evidence, nothing is above it: a
	// level at the bar is the job done, not a strength.
	pl = build(t, &skills.Person{ID: "mo", Name: "Mo Bell", Role: "gpm", Manager: "rosa", Levels: atBar(m, "gpm"), Assessed: day("2026-11-16"),
		Evidence: mo.Evidence[:2]}, rosa)
	if len(pl.Strengths) != 0 {
		t.Errorf("strengths at the bar without a gap: %+v", pl.Strengths)
	}
}

// TestColdRead6Finding11DoneIsAcknowledged: an action the person's own
// done goal already began is said as the step beyond it.
func TestColdRead6Finding11DoneIsAcknowledged(t *testing.T) {
	m := matrix(t)
	s := m.Skill("delegation")
	var action string
	for _, a := range s.Actions {
		if strings.HasPrefix(a.Text, "Hand ") {
			action = a.Text
			break
		}
	}
	if action == "" {
		t.Fatal("the default matrix has no delegation action opening with Hand")
	}
	p := &skills.Person{ID: "ada", Name: "Ada Moss", PlanStart: day("2026-09-01"), Goals: []skills.Goal{
		{Text: "Hand the weekly stand-up to Lu", Skills: []string{"delegation"}, Due: day("2026-10-31"), Done: day("2026-11-06")},
		{Text: "Hand the old roadmap to Bo", Skills: []string{"delegation"}, Done: day("2026-03-01")}, // before the period
		{Text: "Write the hiring plan", Skills: []string{"delegation"}, Done: day("2026-11-08")},      // another verb
	}}
	want := `You did the first of this on 2026-11-06: "Hand the weekly stand-up to Lu". The step beyond it: ` + lowerFirst(action)
	if got := doneBefore(p, s, action); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	p.Goals[0].Done = time.Time{}
	if got := doneBefore(p, s, action); got != "" {
		t.Errorf("an open goal: %q, want nothing said", got)
	}
}

// TestColdRead6Finding19SpecificEvidenceAndQuestions: who would see a goal
// done comes from the goal's own words; the question on a self-rating
// differs with the size of the gap and what is on file.
func TestColdRead6Finding19SpecificEvidenceAndQuestions(t *testing.T) {
	for goal, want := range map[string]string{
		"Hand the weekly release review to Tam":                 "Tam",
		"Present the 2027 product vision to the executive team": "the executive team",
		"Present the payments strategy to the board":            "the board",
		"Agree the launch scope with Legal":                     "Legal",
		"Bring team engagement back to 72 in the survey":        "",
		"Lead the pricing launch end to end":                    "",
	} {
		if got := counterpart(goal); got != want {
			t.Errorf("counterpart(%q) = %q, want %q", goal, got, want)
		}
	}
	m := matrix(t)
	lead := &skills.Person{ID: "ros", Name: "Ros Hale", Role: "director", Levels: atBar(m, "director")}
	p := &skills.Person{ID: "ada", Name: "Ada Moss", Role: "gpm", Manager: "ros", Assessed: day("2026-11-10"),
		Levels: with(atBar(m, "gpm"), map[string]int{"delegation": 2}), Self: map[string]int{"delegation": 4},
		Goals: []skills.Goal{{Text: "Hand the weekly release review to Tam", Skills: []string{"delegation"}, Due: day("2027-01-15")}}}
	pl := build(t, p, lead)
	if len(pl.Conversations) != 1 {
		t.Fatalf("conversations = %+v", pl.Conversations)
	}
	if want := "You rate your delegation and team performance at 4 and Ros at 2, two levels apart: which one piece of work would you bring to show 4, and what would Ros need to see in it?"; pl.Conversations[0].Question != want {
		t.Errorf("question:\n got %q\nwant %q", pl.Conversations[0].Question, want)
	}
	var ev []string
	for _, f := range pl.Focus {
		for _, a := range f.Actions {
			if strings.HasPrefix(a.Text, "Hand the weekly release review") {
				ev = append(ev, a.Evidence)
			}
		}
	}
	// Asked in plain words about the goal's own outcome: the rubric's
	// words are quoted only to a counterpart they name (cold read 9,
	// finding 24).
	want := "Tam, asked after the goal is done by 2027-01-15, whether the weekly release review is now theirs to run, and where you still stepped in."
	if len(ev) != 1 || ev[0] != want {
		t.Errorf("evidence = %q, want %q", ev, want)
	}
	if !slices.ContainsFunc(pl.Milestones, func(ms Milestone) bool {
		return ms.Text == `"Hand the weekly release review to Tam" done, and Tam's view of how it went.`
	}) {
		t.Errorf("milestones = %+v", pl.Milestones)
	}
	p.Goals[0].Text = "Present the disputes roadmap to Risk and Operations"
	pl = build(t, p, lead)
	if !slices.ContainsFunc(pl.Milestones, func(ms Milestone) bool {
		return ms.Text == `"Present the disputes roadmap to Risk and Operations" done, and the view of Risk and Operations on how it went.`
	}) {
		t.Errorf("milestones = %+v", pl.Milestones)
	}
}
