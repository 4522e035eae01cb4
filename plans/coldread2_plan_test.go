package plans

import (
	"slices"
	"strings"
	"testing"

	"github.com/coach-dev/coach/skills"
	"github.com/google/go-cmp/cmp"
)

// The second cold read's findings on plans (issue 20, /work/COLDREAD2.md),
// one test a finding. Every person is made up here: the rules read files,
// never the example's names.

// buildWith builds p's plan with its history and a team indexed with
// everyone's history.
func buildWith(t *testing.T, p *skills.Person, history map[string][]skills.Change, team ...*skills.Person) *Plan {
	t.Helper()
	m := matrix(t)
	all := append([]*skills.Person{p}, team...)
	for _, q := range all {
		if q.Path == "" {
			q.Path = "skills/" + q.ID + ".toml"
		}
	}
	cfg := skills.DefaultConfig()
	pl, err := Build(Input{Matrix: m, Config: cfg, Person: p, Team: all, Index: IndexTeamWith(m, cfg, all, history), History: history[p.ID]})
	if err != nil {
		t.Fatal(err)
	}
	return pl
}

func person(hist []skills.Change, id string) []skills.Change {
	for i := range hist {
		hist[i].Person = id
	}
	return hist
}

// Finding 1: levels raised in one commit without evidence (here a manager
// raising six of a GPM's levels at once) are never progress and never
// support a verdict: the plan says "raised on <date> without evidence".
// A raise that evidence backs stays growth.
func TestColdRead2Finding1BatchRaisesAreNotProgress(t *testing.T) {
	m := matrix(t)
	first := atBar(m, "gpm")
	grown := with(first, map[string]int{"coaching": 4})
	raised := with(grown, map[string]int{"feedback": 4, "career-development": 4, "team-health": 4, "product-strategy": 4})
	h := commitOf("c1", "2026-05-12", "Rosa Lind", "First assessments after calibration", nil, first)
	h = append(h, commitOf("c2", "2026-08-04", "Rosa Lind", "Coaching up", first, grown)...)
	h = append(h, commitOf("c3", "2026-11-17", "Rosa Lind", "Notes from the 1:1s", grown, raised)...)
	p := &skills.Person{ID: "kim", Name: "Kim Vale", Role: "gpm", Manager: "rosa", Levels: raised, Assessed: day("2026-11-17"),
		PlanStart: day("2026-05-12"), Evidence: []skills.Evidence{{Date: day("2026-07-30"), Skill: "coaching", Text: "Three mentoring pairs running"}}}
	rosa := &skills.Person{ID: "rosa", Name: "Rosa Lind", Role: "director", Levels: atBar(m, "director")}
	pl := buildWith(t, p, map[string][]skills.Change{"kim": person(h, "kim")}, rosa)
	var growth, batch []string
	for _, mv := range pl.Progress.Growth() {
		growth = append(growth, mv.ID)
	}
	for _, b := range pl.Progress.Raised() {
		for _, mv := range b.Moves {
			batch = append(batch, b.On+" "+mv.ID)
		}
	}
	if diff := cmp.Diff([]string{"coaching"}, growth); diff != "" {
		t.Errorf("growth (-want +got):\n%s", diff)
	}
	want := []string{"2026-11-17 feedback", "2026-11-17 career-development", "2026-11-17 team-health", "2026-11-17 product-strategy"}
	if diff := cmp.Diff(want, batch); diff != "" {
		t.Errorf("raised without evidence (-want +got):\n%s", diff)
	}
	// On the levels evidence backs, the Director bar is further off than
	// the file's levels say, and the verdict says why.
	if !strings.Contains(pl.Verdict.Why, ". Your levels in Feedback: support and challenge, Development plans and levelling, Team health and engagement and one more, raised on 2026-11-17, count here at their earlier levels until the work that shows each, and who saw it, is written down with Rosa at your next 1:1") {
		t.Errorf("verdict = %+v", pl.Verdict)
	}
	if pl.Verdict.Text != "not yet" || !strings.Contains(pl.Verdict.Why, "realistically 18-24 months") {
		t.Errorf("verdict %+v rests on the raised levels", pl.Verdict)
	}
}

// Finding 1: the growth a person showed before a re-baseline, backed by
// evidence, is not erased by "This assessment is a new baseline".
func TestColdRead2Finding1GrowthBeforeABaselineIsKept(t *testing.T) {
	m := matrix(t)
	first := with(atBar(m, "pm"), map[string]int{"outcome-focus": 2, "communication": 2})
	grown := with(first, map[string]int{"outcome-focus": 3})
	rebased := map[string]int{}
	for id, l := range grown {
		rebased[id] = min(l+1, 5)
	}
	h := commitOf("c1", "2026-01-14", "Rosa Lind", "First assessments, calibrated", nil, first)
	h = append(h, commitOf("c2", "2026-09-15", "Rosa Lind", "Outcomes up", first, grown)...)
	p := &skills.Person{ID: "cleo", Name: "Cleo Marsh", Role: "pm", Manager: "lee", Levels: rebased, Assessed: day("2026-11-18"),
		PlanStart: day("2026-06-01"), Evidence: []skills.Evidence{{Date: day("2026-09-09"), Skill: "outcome-focus", Text: "Held launch reviews"}}}
	lee := &skills.Person{ID: "lee", Name: "Lee Park", Role: "gpm", Manager: "rosa", Levels: atBar(m, "gpm")}
	pl := buildWith(t, p, map[string][]skills.Change{"cleo": person(h, "cleo")}, lee)
	if pl.Progress.Baseline == nil || !pl.Progress.Baseline.Pending {
		t.Fatalf("baseline = %+v, want the file as it stands", pl.Progress.Baseline)
	}
	var before []string
	for _, mv := range pl.Progress.Before {
		before = append(before, mv.ID)
	}
	if diff := cmp.Diff([]string{"outcome-focus"}, before); diff != "" {
		t.Errorf("growth before the baseline (-want +got):\n%s", diff)
	}
}

// Finding 1: a manager is not told to calibrate for a gap that a
// re-baseline by someone else in their line makes: the uncalibrated
// re-baseline's levels are left out of the comparison, and the team view
// says whose and why.
func TestColdRead2Finding1CalibrationLeavesOutARebaseline(t *testing.T) {
	m := matrix(t)
	cfg := skills.DefaultConfig()
	robin := &skills.Person{ID: "robin", Name: "Robin Hart", Role: "director", Levels: atBar(m, "director")}
	lee := &skills.Person{ID: "lee", Name: "Lee Park", Role: "gpm", Manager: "robin", Levels: atBar(m, "gpm")}
	team := []*skills.Person{robin, lee}
	history := map[string][]skills.Change{}
	for _, id := range []string{"ash", "bo"} {
		team = append(team, &skills.Person{ID: id + "-sr", Name: id + " Senior", Role: "senior-pm", Manager: "robin", Levels: atBar(m, "senior-pm")})
	}
	up := map[string]int{}
	for id, l := range atBar(m, "pm") {
		up[id] = l + 1
	}
	for _, id := range []string{"cy", "di", "ed"} {
		p := &skills.Person{ID: id, Name: strings.ToUpper(id[:1]) + id[1:] + " Pm", Role: "pm", Manager: "lee", Levels: atBar(m, "pm"), PlanStart: day("2026-06-01"), Assessed: day("2026-11-18")}
		h := commitOf("c1-"+id, "2026-01-14", "Robin Hart", "First assessments, calibrated", nil, atBar(m, "pm"))
		if id != "ed" {
			p.Levels = up
			h = append(h, commitOf("c2", "2026-11-18", "Lee Park", "My first assessments as their manager", atBar(m, "pm"), up)...)
		}
		history[id] = person(h, id)
		team = append(team, p)
	}
	lp := buildWith(t, lee, history, team[0], team[2], team[3], team[4], team[5], team[6])
	if want := "Your assessment of Cy Pm and Di Pm (2026-11-18) set the levels at once and is not calibrated yet: calibrate it with Robin Hart by 2026-12-18, as their plans hold their verdicts until then."; !slices.Contains(lp.People, want) {
		t.Errorf("the re-baselining manager's plan: %q, want %q", lp.People, want)
	}
	without := IndexTeam(m, cfg, team)
	if without.ratesApart("robin") == "" {
		t.Fatal("without history, Robin is flagged: the test needs a gap to leave out")
	}
	ix := IndexTeamWith(m, cfg, team, history)
	if got := ix.ratesApart("robin"); got != "" {
		t.Errorf("Robin blamed for Lee's re-baseline: %q", got)
	}
	_, tm := teamOf(t, cfg, team, history)
	var notes []string
	for _, c := range tm.Calib {
		if c.Flagged {
			t.Errorf("%s flagged", c.Manager.Name)
		}
		if c.Note != "" {
			notes = append(notes, c.Note)
		}
	}
	want := []string{"Cy Pm and Di Pm: left out of Lee Park's comparison, as Lee Park's re-baseline of their levels (2026-11-18) is not calibrated yet; compare again once it is."}
	if diff := cmp.Diff(want, notes); diff != "" {
		t.Errorf("notes (-want +got):\n%s", diff)
	}
}

// Finding 2: a people leader's plan names their people and what their
// plans ask of the leader; a report's goal that waits on the leader's
// overdue goal is in both plans; a new hire's buddy reads it in their own.
func TestColdRead2Finding2LeadersPlanNamesTheirPeople(t *testing.T) {
	m := matrix(t)
	dee := &skills.Person{ID: "dee", Name: "Dee Holt", Role: "director", Levels: atBar(m, "director"), Assessed: day("2026-11-20")}
	kai := &skills.Person{ID: "kai", Name: "Kai Mora", Role: "gpm", Manager: "dee", Levels: atBar(m, "gpm"), Assessed: day("2026-11-20"), PlanStart: day("2026-09-01")}
	mo := &skills.Person{ID: "mo", Name: "Mo Bell", Role: "gpm", Manager: "dee", Assessed: day("2026-11-16"),
		Levels:   with(atBar(m, "gpm"), map[string]int{"delegation": 2, "team-health": 2}),
		Goals:    []skills.Goal{{Text: "Hand the weekly release review to Tam", Skills: []string{"delegation"}, Due: day("2026-10-30")}},
		Evidence: []skills.Evidence{{Date: day("2026-11-13"), Skill: "delegation", Text: "Still reviews every PRD line by line"}}}
	tam := &skills.Person{ID: "tam", Name: "Tam Reyes", Role: "senior-pm", Manager: "mo", Levels: atBar(m, "senior-pm"), Assessed: day("2026-11-19"),
		Goals: []skills.Goal{{Text: "Take over the weekly release review", Skills: []string{"execution-delivery"}, Due: day("2027-01-15")}}}
	nia := &skills.Person{ID: "nia", Name: "Nia Obi", Role: "pm", Manager: "kai", Levels: map[string]int{"communication": 2}, Joined: day("2026-10-12"), Assessed: day("2026-11-20")}
	lu := &skills.Person{ID: "lu", Name: "Lu Ruiz", Role: "pm", Manager: "kai", Levels: atBar(m, "pm"), Assessed: day("2026-11-18")}
	history := map[string][]skills.Change{"kai": {{Person: "kai", Commit: "c9", Date: day("2026-09-01"), Kind: skills.KindRole, From: "senior-pm", To: "gpm"}}}
	team := []*skills.Person{dee, kai, mo, tam, nia, lu}
	planOf := func(p *skills.Person) *Plan {
		var rest []*skills.Person
		for _, q := range team {
			if q != p {
				rest = append(rest, q)
			}
		}
		return buildWith(t, p, history, rest...)
	}
	tests := []struct {
		name string
		who  *skills.Person
		want []string
		in   func(*Plan) []string
	}{
		{"the leader of a first-time manager and a fit in question", dee, []string{
			"You lead Kai Mora and Mo Bell.",
			"Kai Mora is new to leading people, since the move to Group Product Manager: an hour a fortnight with Kai on one real people situation (a 1:1, a piece of feedback, a hand-over), talked through before and after.",
			"Mo Bell is below the Group Product Manager bar on two skills, with setbacks in the evidence: Mo's plan names what must move by 2027-02-16. Go through it with Mo at each weekly 1:1, with the examples, and ask what support would help; at the review, agree the next step together on what moved and what did not.",
			"Nobody in your line could step into your role (Director of Product) yet, were you to move or be away for long: name at your next review whose plan could aim at it.",
		}, func(pl *Plan) []string { return pl.People }},
		{"the leader whose overdue goal a report's goal waits on", mo, []string{
			"You lead Tam Reyes.",
			"Tam's goal \"Take over the weekly release review\" (due 2027-01-15) waits on your own \"Hand the weekly release review to Tam\", overdue since 2026-10-30: a new date for yours is a new date for Tam's.",
			// Mo is below the Group Product Manager bar: no successor named beside that.
		}, func(pl *Plan) []string { return pl.People }},
		{"the leader of a new hire", kai, []string{
			"You lead Lu Ruiz and Nia Obi.",
			"Nia Obi joined on 2026-10-12 and is onboarding with you to day 90, 2027-01-10: a weekly 1:1; the first 30 days, free of delivery deadlines, ended on 2026-11-11; Lu Ruiz is Nia's onboarding buddy.",
			// Kai is new to leading people: no successor named beside that.
		}, func(pl *Plan) []string { return pl.People }},
		{"the buddy", lu, []string{
			"You are Nia Obi's onboarding buddy: Nia joined on 2026-10-12; a half-hour every week to 2026-12-12, the end of the first two months, to answer what nobody writes down, and what you see of Nia's first weeks told to Kai Mora.",
		}, func(pl *Plan) []string { return pl.People }},
		{"the report whose goal waits", tam, []string{
			"The hand-over of the work your goal \"Take over the weekly release review\" takes on, with its date agreed with you at the next 1:1 and kept to.",
		}, func(pl *Plan) []string {
			return slices.DeleteFunc(slices.Clone(pl.Commitments), func(c string) bool { return !strings.HasPrefix(c, "The hand-over") })
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, tt.in(planOf(tt.who))); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// Finding 3: someone at their target's bar everywhere gets no focus skill
// for a gap to the role after it, and nobody who leads no one gets a people
// leader's skill as a stretch. A skill their own goal names asks for the
// level above the bar all the same (issue 20, point 3): the stretch past
// it, with the role up the ladder that works at that level.
func TestColdRead2Finding3NoStretchPastTheNextRole(t *testing.T) {
	m := matrix(t)
	tests := []struct {
		name  string
		p     skills.Person
		focus []string
		why   []string
	}{
		{"a PM at the Senior PM bar, no goal", skills.Person{Role: "pm", Levels: atBar(m, "senior-pm")}, nil, nil},
		{"a PM at the Senior PM bar with a goal", skills.Person{Role: "pm", Levels: atBar(m, "senior-pm"),
			Goals: []skills.Goal{{Text: "Present the Q1 disputes roadmap", Skills: []string{"communication"}, Due: day("2027-01-20")}}}, []string{"communication"},
			[]string{`you meet the Senior Product Manager bar in it already, so your goal "Present the Q1 disputes roadmap" (due 2027-01-20) is part of your promotion case rather than a new level`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.p
			p.ID, p.Name, p.Assessed = "p", "Pat Doe", day("2026-11-18")
			pl := build(t, &p)
			var got, why []string
			for _, f := range pl.Focus {
				got = append(got, f.ID)
				why = append(why, f.Why)
				if f.Pillar == "Team development" {
					t.Errorf("%s: a people leader's skill for someone who leads no one", f.ID)
				}
			}
			if diff := cmp.Diff(tt.focus, got); diff != "" {
				t.Errorf("focus (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.why, why); diff != "" {
				t.Errorf("why (-want +got):\n%s", diff)
			}
		})
	}
}

// Finding 4: a milestone asks only what can be there by its date.
func TestColdRead2Finding4MilestonesReachableByTheirDate(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"a quarter", "A quarter of reviews, attendance from outside product.", "Two months of reviews, attendance from outside product."},
		{"six months", "Six months of meetings, and the partner head naming you.", "Two months of meetings, and the partner head naming you."},
		{"a count over a quarter", "Twelve notes, and one of them discussed in a roadmap review.", "Eight notes, and one of them discussed in a roadmap review."},
		{"a span after the work", "The vision adopted, and teams citing it in their decisions a quarter later.", "The vision adopted, and teams citing it in their decisions since."},
		{"a share of the time", "A calendar with at least a quarter of the time freed.", "A calendar with at least a quarter of the time freed."},
		{"within reach", "Five recurring meetings held for a month.", "Five recurring meetings held for a month."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := reachable(tt.text, 60); got != tt.want {
				t.Errorf("reachable(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// Finding 5: no skill name dropped into a sentence written for any skill.
func TestColdRead2Finding5NoSkillNamesInSlots(t *testing.T) {
	m := matrix(t)
	p := &skills.Person{ID: "p", Name: "Pat Doe", Role: "gpm", Assessed: day("2026-11-20"),
		Levels: with(atBar(m, "gpm"), map[string]int{"delegation": 2, "execution-delivery": 4, "ux-discovery": 5, "communication": 5}),
		Evidence: []skills.Evidence{
			{Date: day("2026-11-12"), Skill: "delegation", Text: "Still rewrites the updates before they go out"},
			{Date: day("2026-10-01"), Skill: "execution-delivery", Text: "Shipped the payouts rewrite on the date agreed"},
			{Date: day("2026-10-02"), Skill: "ux-discovery", Text: "Ran the discovery sprint for disputes"},
			{Date: day("2026-10-03"), Skill: "communication", Text: "Wrote the monthly update Finance quotes"},
		}}
	pl := build(t, p)
	for _, f := range pl.Focus {
		for _, a := range f.Actions {
			if strings.Contains(a.Text+a.Evidence, lowerFirst(f.Name)) {
				t.Errorf("%s: skill name in a slot: %q / %q", f.ID, a.Text, a.Evidence)
			}
		}
	}
	if len(pl.Strengths) == 0 {
		t.Fatal("no strengths")
	}
	for _, s := range pl.Strengths {
		if strings.Contains(s.Use, lowerFirst(s.Name)) {
			t.Errorf("%s: use %q", s.ID, s.Use)
		}
	}
}

// Finding 7: the bar is shown once, above the actions, and a matrix action
// that is the same work as the goal the actions open with is left out.
func TestColdRead2Finding7SaidOnce(t *testing.T) {
	m := matrix(t)
	p := &skills.Person{ID: "p", Name: "Pat Doe", Role: "principal-pm", Assessed: day("2026-11-17"), Levels: atBar(m, "principal-pm"),
		Target: "distinguished-pm",
		Goals:  []skills.Goal{{Text: "Run a monthly experimentation clinic for every PM in the group", Skills: []string{"coaching"}, Due: day("2027-03-31")}}}
	pl := build(t, p)
	i := slices.IndexFunc(pl.Focus, func(f Focus) bool { return f.ID == "coaching" })
	if i < 0 {
		t.Fatalf("no coaching focus: %+v", pl.Focus)
	}
	for _, a := range pl.Focus[i].Actions {
		if strings.Contains(a.Text, "bar reads") || strings.Contains(a.Text, "fortnightly craft clinic") {
			t.Errorf("said twice: %q", a.Text)
		}
	}
}

// One-offs: a stalled plan says so; ready for months says what blocks it;
// the manager's own commitment is theirs; an APM is not asked to assess
// people leaders' skills first; re-entry adds no new recurring work.
func TestColdRead2OneOffs(t *testing.T) {
	m := matrix(t)
	t.Run("a plan whose focus has not moved", func(t *testing.T) {
		h := commitOf("c1", "2026-05-12", "Rosa Lind", "First assessments, calibrated", nil, atBar(m, "gpm"))
		p := &skills.Person{ID: "p", Name: "Pat Doe", Role: "gpm", Manager: "rosa", Levels: atBar(m, "gpm"), Assessed: day("2026-11-17"), PlanStart: day("2026-05-12"),
			Focus: []string{"stakeholder-relationships"}}
		rosa := &skills.Person{ID: "rosa", Name: "Rosa Lind", Role: "director", Levels: atBar(m, "director")}
		pl := buildWith(t, p, map[string][]skills.Change{"p": person(h, "p")}, rosa)
		want := "None of the focus skills agreed in your file has gone up a level in the 189 days since 2026-05-12: ask Rosa at the next 1:1 what has stood in the way, and change the plan, not only the dates."
		if !slices.Contains(pl.VerdictEvidence, want) {
			t.Errorf("verdict evidence %q lacks %q", pl.VerdictEvidence, want)
		}
		// Cold read 3: nobody agreed a focus in the file, so nobody is
		// told that it has not moved.
		p.Focus = nil
		pl = buildWith(t, p, map[string][]skills.Change{"p": person(h, "p")}, rosa)
		for _, line := range pl.VerdictEvidence {
			if strings.HasPrefix(line, "None of the focus skills") {
				t.Errorf("stalled without an agreed focus: %q", line)
			}
		}
	})
	t.Run("ready for months", func(t *testing.T) {
		h := commitOf("c1", "2026-05-19", "Rosa Lind", "At the bar, calibrated", nil, atBar(m, "gpm"))
		p := &skills.Person{ID: "p", Name: "Pat Doe", Role: "senior-pm", Manager: "rosa", Levels: atBar(m, "gpm"), Assessed: day("2026-11-19"), PlanStart: day("2026-06-01")}
		rosa := &skills.Person{ID: "rosa", Name: "Rosa Lind", Role: "gpm", Levels: atBar(m, "gpm")}
		pl := buildWith(t, p, map[string][]skills.Change{"p": person(h, "p")}, rosa)
		if !strings.HasSuffix(pl.Verdict.Why, "and have been since 2026-05-19. What stands between you and it is not a skill but a team to lead: a Group Product Manager role opening up, and Rosa's case for you at the next promotion round") {
			t.Errorf("verdict = %+v", pl.Verdict)
		}
	})
	t.Run("a lowered level with no evidence", func(t *testing.T) {
		low := with(atBar(m, "gpm"), map[string]int{"coaching": 2})
		h := commitOf("c1", "2026-01-14", "Rosa Lind", "First, calibrated", nil, atBar(m, "gpm"))
		p := &skills.Person{ID: "p", Name: "Pat Doe", Role: "gpm", Manager: "rosa", Levels: low, Assessed: day("2026-11-16"), PlanStart: day("2026-09-01")}
		rosa := &skills.Person{ID: "rosa", Name: "Rosa Lind", Role: "director", Levels: atBar(m, "director")}
		pl := buildWith(t, p, map[string][]skills.Change{"p": person(h, "p")}, rosa)
		if !slices.Contains(pl.Commitments, "What the level of coaching and mentoring rests on, written down by Rosa at the next 1:1 with an example you will recognise.") {
			t.Errorf("commitments %q", pl.Commitments)
		}
		for _, c := range pl.MustChange {
			if strings.Contains(c, "writes down") {
				t.Errorf("the manager's commitment among the person's: %q", c)
			}
		}
	})
	t.Run("an APM's assess first", func(t *testing.T) {
		p := &skills.Person{ID: "p", Name: "Pat Doe", Role: "apm", Assessed: day("2026-11-10"), Levels: map[string]int{"communication": 1}}
		pl := build(t, p)
		for _, s := range pl.AssessFirst {
			if s.ID == "hiring" || s.ID == "team-design" {
				t.Errorf("%s to assess first", s.ID)
			}
		}
		if !slices.ContainsFunc(pl.AssessFirst, func(s SkillRef) bool { return s.ID == "feedback" }) {
			t.Errorf("feedback, whose bar rises for a PM, left out: %+v", pl.AssessFirst)
		}
	})
	t.Run("re-entry adds no new recurring work", func(t *testing.T) {
		p := &skills.Person{ID: "p", Name: "Pat Doe", Role: "director", Assessed: day("2026-11-03"),
			Levels:   with(atBar(m, "director"), map[string]int{"market-knowledge": 3}),
			Goals:    []skills.Goal{{Text: "Meet the five largest partners again", Skills: []string{"market-knowledge"}, Due: day("2026-12-18")}},
			Evidence: []skills.Evidence{{Date: day("2026-10-19"), Skill: "communication", Text: "Back from six months of leave"}}}
		pl := build(t, p)
		if len(pl.Focus) == 0 || len(pl.Focus[0].Actions) != 1 {
			t.Errorf("focus %+v", pl.Focus)
		}
	})
}
