package plans

import (
	"slices"
	"strings"
	"testing"

	"github.com/coach-dev/coach/skills"
	"github.com/google/go-cmp/cmp"
)

// Who reads what (issue 20, the VP's cold read of team.md): team.md, read by
// every manager, counts the flags and says where each is taken up; the
// detail goes where the person responsible reads it. A manager's agenda
// with their own manager carries what they owe their people. A report's
// plan says what happens next to their levels, and by when, never audits
// their manager. Every person is made up here, in the situations of the
// example team (a GPM's re-baselined reports, a new hire, a Director and a
// GPM whose focus has not moved, a PM promoted below the bar) and of the
// second team (a GPM's overdue hand-over, a level lowered with nothing
// written down, a first-time manager's new report).

// teamOf builds every plan of people, indexed with history, and the team.
func teamOf(t *testing.T, cfg skills.Config, people []*skills.Person, history map[string][]skills.Change) (map[string]*Plan, *Team) {
	t.Helper()
	m := matrix(t)
	for _, q := range people {
		if q.Path == "" {
			q.Path = "skills/" + q.ID + ".toml"
		}
	}
	ix := IndexTeamWith(m, cfg, people, history)
	plans := map[string]*Plan{}
	for _, p := range people {
		pl, err := Build(Input{Matrix: m, Config: cfg, Person: p, Team: people, Index: ix, History: history[p.ID]})
		if err != nil {
			t.Fatal(err)
		}
		plans[p.ID] = pl
	}
	team, err := BuildTeam(TeamInput{Matrix: m, Config: cfg, People: people, Plans: plans, Index: ix})
	if err != nil {
		t.Fatal(err)
	}
	return plans, team
}

// stalledPerson is someone whose focus has not moved since their plan period
// began, longer ago than the review cycle.
func stalledPerson(m *skills.Matrix, id, name, role, manager string) *skills.Person {
	return &skills.Person{ID: id, Name: name, Role: role, Manager: manager, Levels: with(atBar(m, role), map[string]int{"negotiation": 1}),
		Focus: []string{"negotiation"}, PlanStart: day("2026-05-12"), Assessed: day("2026-10-01")}
}

// fileHistory is the history of p's file: its levels and role as they
// are, set on the first day of the plan period, after an earlier role when
// promoted is not "".
func fileHistory(p *skills.Person, promoted, on string) []skills.Change {
	start := &skills.Person{ID: p.ID, Role: p.Role, Levels: p.Levels}
	if promoted != "" {
		start.Role = promoted
	}
	hist := skills.Diff(nil, start)
	for i := range hist {
		hist[i].Commit, hist[i].Date, hist[i].Author, hist[i].Subject = "s-"+p.ID, p.PlanStart, "Lead", "First assessments after calibration"
	}
	if promoted != "" {
		up := skills.Diff(start, &skills.Person{ID: p.ID, Role: p.Role, Levels: p.Levels})
		for i := range up {
			up[i].Commit, up[i].Date, up[i].Author, up[i].Subject = "p-"+p.ID, day(on), "Lead", "Promotion"
		}
		hist = append(hist, up...)
	}
	return person(hist, p.ID)
}

func TestTeamFlagsAreCountedWhereEveryManagerReads(t *testing.T) {
	m := matrix(t)
	cfg := skills.DefaultConfig()
	for _, tt := range []struct {
		name    string
		leaders []skills.Leader
		people  []*skills.Person
		// want are the flags as kind, person and where; counts the lines
		// of team.md's flags section, by manager; calibration the count
		// the calibration packet takes up.
		want        []string
		counts      []string
		calibration int
	}{
		{
			name:    "a Director and a GPM whose focus has not moved, a PM promoted below the bar",
			leaders: []skills.Leader{{ID: "mo", Name: "Mo Oyelaran"}},
			people: []*skills.Person{
				stalledPerson(m, "pia", "Pia Sandoval", "director", "mo"),
				stalledPerson(m, "lee", "Lee Park", "gpm", "pia"),
				{ID: "al", Name: "Al Moreau", Role: "senior-pm", Manager: "pia", Levels: with(atBar(m, "senior-pm"), map[string]int{"negotiation": 2}),
					Assessed: day("2026-11-17"), PlanStart: day("2026-05-12")},
			},
			want:        []string{"no-focus-progress pia agenda", "promotion-below-bar al calibration", "no-focus-progress al agenda", "no-focus-progress lee agenda"},
			counts:      []string{"mo Mo 1", "pia Pia 2"},
			calibration: 1,
		},
		{
			name:    "a GPM's hand-over overdue, a Senior PM whose focus has not moved",
			leaders: []skills.Leader{{ID: "ro", Name: "Ro Lund"}},
			people: []*skills.Person{
				{ID: "di", Name: "Di Walsh", Role: "director", Manager: "ro", Levels: atBar(m, "director"), Assessed: day("2026-11-17")},
				{ID: "ma", Name: "Ma Bello", Role: "gpm", Manager: "di", Levels: atBar(m, "gpm"), Assessed: day("2026-11-16"),
					Goals: []skills.Goal{{Text: "Hand the weekly release review to To", Due: day("2026-10-30"), Skills: []string{"delegation"}}}},
				stalledPerson(m, "to", "To Ruiz", "senior-pm", "ma"),
			},
			want:   []string{"overdue-goal ma agenda", "no-focus-progress to agenda"},
			counts: []string{"di Di 1", "ma Ma 1"},
		},
		{
			name:    "nothing to flag",
			leaders: []skills.Leader{{ID: "ro", Name: "Ro Lund"}},
			people: []*skills.Person{
				{ID: "di", Name: "Di Walsh", Role: "director", Manager: "ro", Levels: atBar(m, "director"), Assessed: day("2026-11-17")},
			},
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cfg.Leaders = tt.leaders
			// Each file's history from its plan period; Al's promotion.
			history := map[string][]skills.Change{}
			for _, p := range tt.people {
				switch {
				case p.ID == "al":
					history[p.ID] = fileHistory(p, "pm", "2026-10-01")
				case !p.PlanStart.IsZero():
					history[p.ID] = fileHistory(p, "", "")
				}
			}
			_, team := teamOf(t, cfg, tt.people, history)
			var got, counts []string
			for _, f := range team.Flags {
				got = append(got, f.Kind+" "+f.Person.ID+" "+f.Where)
			}
			for _, c := range team.FollowUps {
				counts = append(counts, c.Manager.ID+" "+c.Call+" "+string(rune('0'+c.Items)))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("flags (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.counts, counts); diff != "" {
				t.Errorf("team.md's counts (-want +got):\n%s", diff)
			}
			if team.ForCalibration != tt.calibration {
				t.Errorf("for the calibration packet: %d, want %d", team.ForCalibration, tt.calibration)
			}
		})
	}
}

// TestNoFocusProgressReachesTheOneToOne: the flag team.md only counts is in
// the prep of the person's own 1:1, two ways in turn, dated by the plan
// period.
func TestNoFocusProgressReachesTheOneToOne(t *testing.T) {
	m := matrix(t)
	for _, tt := range []struct {
		name, id, full, role string
		prev                 *PreviousAgenda
		want                 string
	}{
		{"a GPM, first agenda", "lee", "Lee Park", "gpm", nil,
			"No focus skill has moved since 1 October (Negotiation and trade-offs, Hiring strategy and Team design and topology): ask Lee what would help most now, and whether these are still the right skills."},
		{"a Senior PM, first agenda", "to", "To Ruiz", "senior-pm", nil,
			"No focus skill has moved since 1 October (Negotiation and trade-offs, Coaching and mentoring and Delegation and team performance): ask To what would help most now, and whether these are still the right skills."},
		{"a Senior PM, second agenda: said once (see TestStalledFocusSaidOnce)", "to", "To Ruiz", "senior-pm", prevAt(t, "2026-W47", 1), ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := stalledPerson(m, tt.id, tt.full, tt.role, "")
			a := stalledAgenda(t, p, tt.prev)
			found := tt.want == ""
			for _, l := range a.Prep {
				found = found || l == tt.want
				if tt.want == "" && strings.Contains(l, "focus skill") {
					t.Errorf("prep says it again: %q", l)
				}
			}
			if !found {
				t.Errorf("prep %q\nwant the line %q", a.Prep, tt.want)
			}
		})
	}
	p := stalledPerson(m, "to", "To Ruiz", "senior-pm", "")
	// Said in the first 1:1 after the focus skills have been quiet six
	// weeks since the assessment that set them: 10 October is five weeks
	// and four days before the 1:1 of 17 November, six weeks and four days
	// before the next.
	p.Assessed = day("2026-10-10")
	a := stalledAgenda(t, p, prevAt(t, "2026-W47", 1))
	want := "None of To's focus skills (Negotiation and trade-offs, Coaching and mentoring and Delegation and team performance) has gone up a level since 10 October: ask what stands in the way, and agree whether the support or the focus changes."
	if !slices.Contains(a.Prep, want) {
		t.Errorf("prep %q\nwant the line %q", a.Prep, want)
	}
	// A plan period younger than the review cycle has had no time to show
	// progress.
	p = stalledPerson(m, "lee", "Lee Park", "gpm", "")
	p.PlanStart = day("2026-10-01")
	a = stalledAgenda(t, p, nil)
	for _, l := range a.Prep {
		if strings.Contains(l, "since 1 October") {
			t.Errorf("a plan period younger than the review cycle is flagged: %q", l)
		}
	}
}

// stalledAgenda is p's agenda for 2026-W48, their plan built with the
// history of their file.
func stalledAgenda(t *testing.T, p *skills.Person, prev *PreviousAgenda, extra ...skills.Change) *Agenda {
	t.Helper()
	m, cfg := matrix(t), skills.DefaultConfig()
	hist := map[string][]skills.Change{p.ID: append(fileHistory(p, "", ""), extra...)}
	plans, _ := teamOf(t, cfg, []*skills.Person{p}, hist)
	w, err := ParseWeek("2026-W48")
	if err != nil {
		t.Fatal(err)
	}
	return BuildAgenda(AgendaInput{Plan: plans[p.ID], Matrix: m, Config: cfg, Person: p, History: hist[p.ID], Week: w, Previous: prev})
}

// TestManagersAgendaCarriesWhatTheyOweTheirPeople: a manager's agenda with
// their own manager lists, dated, what their people need of the two of
// them: a baseline of theirs to calibrate, a new hire's next check, a
// report's goal two weeks past its date; at most three lines.
func TestManagersAgendaCarriesWhatTheyOweTheirPeople(t *testing.T) {
	m := matrix(t)
	cfg := skills.DefaultConfig()
	// The GPM's two reports, re-baselined in the GPM's first assessment of
	// them, and a new hire.
	rebased, history := rebasedByLee(m, "jo", "pat")
	gpmTeam := []*skills.Person{
		{ID: "lee", Name: "Lee Park", Role: "gpm", Manager: "robin", Levels: atBar(m, "gpm"), Assessed: day("2026-11-17")},
		{ID: "robin", Name: "Robin Hart", Role: "director", Levels: atBar(m, "director"), Assessed: day("2026-11-17")},
		{ID: "jo", Name: "Jo Adeyemi", Role: "pm", Manager: "lee", Levels: rebased, Assessed: day("2026-11-18"), PlanStart: day("2026-09-01")},
		{ID: "pat", Name: "Pat Doe", Role: "pm", Manager: "lee", Levels: rebased, Assessed: day("2026-11-18"), PlanStart: day("2026-09-01")},
		{ID: "ash", Name: "Ash Kay", Role: "apm", Manager: "lee", Levels: map[string]int{"communication": 1}, Joined: day("2026-10-12"), Assessed: day("2026-11-16")},
	}
	// A Director whose GPM's hand-over is overdue, and whose other GPM,
	// new to leading people, re-baselined a report.
	dirTeam := []*skills.Person{
		{ID: "di", Name: "Di Walsh", Role: "director", Manager: "ro", Levels: atBar(m, "director"), Assessed: day("2026-11-17")},
		{ID: "ma", Name: "Ma Bello", Role: "gpm", Manager: "di", Levels: atBar(m, "gpm"), Assessed: day("2026-11-16"),
			Goals: []skills.Goal{{Text: "Hand the weekly release review to To", Due: day("2026-10-30"), Skills: []string{"delegation"}}}},
		{ID: "to", Name: "To Ruiz", Role: "senior-pm", Manager: "ma", Levels: atBar(m, "senior-pm"), Assessed: day("2026-11-19"),
			Goals: []skills.Goal{{Text: "Present the roadmap", Due: day("2026-11-20"), Skills: []string{"communication"}}}},
	}
	for _, tt := range []struct {
		name, who, week string
		team            []*skills.Person
		want            []string
		prev            *PreviousAgenda
	}{
		{"a GPM before the calibration date", "lee", "2026-W48", gpmTeam, []string{
			"Calibrate your first assessments of Jo and Pat with me by Friday 18 December: their verdicts wait on it.",
			"Ash's day-60 check is on Friday 11 December: bring how onboarding is going, and what you need from me for it.",
		}, nil},
		{"a GPM once the calibration date has passed", "lee", "2026-W52", gpmTeam, []string{
			"Calibrate your first assessments of Jo and Pat with me: it was due by Friday 18 December, and their verdicts wait on it still.",
			"Ash's day-90 check is on Sunday 10 January 2027: bring how onboarding is going, and what you need from me for it.",
		}, nil},
		{"a Director, a report's goal two weeks past its date", "di", "2026-W48", dirTeam, []string{
			"Ma's goal “Hand the weekly release review to To” was due on 30 October and is still open: what it waits on, and whether I can help unblock it.",
		}, nil},
		{"the same a week later: a new question", "di", "2026-W49", dirTeam, []string{
			"Ma's goal “Hand the weekly release review to To” was due on 30 October and is still open: which will you and Ma agree on, a new date that holds, a smaller goal or letting it go?",
		}, prevAt(t, "2026-W48", 1)},
		{"a GPM's second agenda: a new question about the new hire", "lee", "2026-W48", gpmTeam, []string{
			"Is the calibration of your first assessments of Jo and Pat booked with me, before Friday 18 December? Their verdicts wait on it.",
			"Ash's day-60 check is on Friday 11 December: what is going well so far, and where is a hand still needed?",
		}, prevAt(t, "2026-W47", 1)},
		{"the GPM's report's goal, four days past its date: theirs to take up first", "ma", "2026-W48", dirTeam, nil, nil},
		{"someone who leads no one", "to", "2026-W48", dirTeam, nil, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			plans, _ := teamOf(t, cfg, tt.team, history)
			var p *skills.Person
			for _, q := range tt.team {
				if q.ID == tt.who {
					p = q
				}
			}
			w, err := ParseWeek(tt.week)
			if err != nil {
				t.Fatal(err)
			}
			a := BuildAgenda(AgendaInput{Plan: plans[p.ID], Matrix: m, Config: cfg, Person: p, History: history[p.ID], Week: w, Previous: tt.prev})
			if diff := cmp.Diff(tt.want, a.People); diff != "" {
				t.Errorf("your people (-want +got):\n%s", diff)
			}
		})
	}
	// At most three lines.
	many := append([]*skills.Person{}, dirTeam...)
	for _, id := range []string{"ka", "lu", "ne"} {
		many = append(many, &skills.Person{ID: id, Name: strings.ToUpper(id[:1]) + id[1:] + " Test", Role: "gpm", Manager: "di", Levels: atBar(m, "gpm"),
			Assessed: day("2026-11-16"), Goals: []skills.Goal{{Text: "Write the plan", Due: day("2026-10-01")}}})
	}
	plans, _ := teamOf(t, cfg, many, nil)
	w, _ := ParseWeek("2026-W48")
	if a := BuildAgenda(AgendaInput{Plan: plans["di"], Matrix: m, Config: cfg, Person: many[0], Week: w}); len(a.People) != MaxPeopleLines {
		t.Errorf("%d lines about the people, want %d: %q", len(a.People), MaxPeopleLines, a.People)
	}
}

// TestReportsPlanSaysWhatHappensNext: a report's verdict on levels their
// manager moved says what happens next and by when, in their terms: no
// count of levels, no "fairness risk", nothing said against the manager.
func TestReportsPlanSaysWhatHappensNext(t *testing.T) {
	m := matrix(t)
	first, rebased := atBar(m, "pm"), atBar(m, "senior-pm")
	short := with(rebased, map[string]int{"negotiation": 2})
	grown := with(atBar(m, "gpm"), map[string]int{"coaching": 4})
	raised := with(grown, map[string]int{"feedback": 4, "career-development": 4, "team-health": 4, "product-strategy": 4})
	for _, tt := range []struct {
		name string
		p    *skills.Person
		hist []skills.Change
		want string
	}{
		{"a new manager's first assessment, at the target's bar",
			&skills.Person{ID: "pat", Name: "Pat Doe", Role: "pm", Manager: "lee", Levels: rebased, Assessed: day("2026-11-18"), PlanStart: day("2026-09-01")},
			append(commitOf("c1", "2026-01-14", "Kim", "First assessments", nil, first), commitOf("c2", "2026-11-18", "Lee Park", "My first assessment of Pat", first, rebased)...),
			"Your levels from Lee Park's first assessment as your manager, on 2026-11-18, are being calibrated with Robin Hart by 2026-12-18; the verdict follows. Whatever the calibration settles, what will make the case for Senior Product Manager is work others can see on the focus skills below, written down as it happens"},
		{"a new manager's first assessment, short of the target's bar on one skill",
			&skills.Person{ID: "pat", Name: "Pat Doe", Role: "pm", Manager: "lee", Levels: short, Assessed: day("2026-09-22"), PlanStart: day("2026-09-01")},
			append(commitOf("c1", "2026-01-14", "Kim", "First assessments", nil, first), commitOf("c2", "2026-09-22", "Lee Park", "My first assessment of Pat", first, short)...),
			"Your levels from Lee Park's first assessment as your manager, on 2026-09-22, are being calibrated with Robin Hart by 2026-10-22; the verdict follows. Even on those levels, Negotiation and trade-offs is short of the Senior Product Manager bar. Whatever the calibration settles, what will make the case for Senior Product Manager is work others can see on the focus skills below, written down as it happens"},
		{"four levels raised with nothing written down",
			&skills.Person{ID: "kim", Name: "Kim Vale", Role: "gpm", Manager: "robin", Levels: raised, Assessed: day("2026-11-17"), PlanStart: day("2026-05-12"),
				Evidence: []skills.Evidence{{Date: day("2026-07-30"), Skill: "coaching", Text: "Three mentoring pairs running"}}},
			append(append(commitOf("c1", "2026-05-12", "Robin Hart", "First assessments after calibration", nil, atBar(m, "gpm")),
				commitOf("c2", "2026-08-04", "Robin Hart", "Coaching up", atBar(m, "gpm"), grown)...),
				commitOf("c3", "2026-11-17", "Robin Hart", "Notes from the 1:1s", grown, raised)...),
			"no cause for worry: you are solid as a Group Product Manager, with the Director of Product bar still ahead on most skills, as it is for anyone a role away. With steady progress, realistically 18-24 months. Your levels in Feedback: support and challenge, Development plans and levelling, Team health and engagement and one more, raised on 2026-11-17, count here at their earlier levels until the work that shows each, and who saw it, is written down with Robin at your next 1:1"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			lee := &skills.Person{ID: "lee", Name: "Lee Park", Role: "gpm", Manager: "robin", Levels: atBar(m, "gpm")}
			robin := &skills.Person{ID: "robin", Name: "Robin Hart", Role: "director", Levels: atBar(m, "director")}
			pl := buildWith(t, tt.p, map[string][]skills.Change{tt.p.ID: person(tt.hist, tt.p.ID)}, lee, robin)
			why := pl.Verdict.Why
			if why != tt.want {
				t.Errorf("verdict why:\n got %q\nwant %q", why, tt.want)
			}
			for _, bad := range []string{"fairness", "at once", "exactly one step", "all 2", " of your levels were", "no evidence"} {
				if strings.Contains(why, bad) {
					t.Errorf("the verdict says %q: %q", bad, why)
				}
			}
		})
	}
}

// rebasedByLee is the histories of ids: a calibrated first assessment at
// the Product Manager bar, then their new manager Lee Park's first
// assessment of them, which sets the Senior Product Manager bar at once
// (rebased, their levels now).
func rebasedByLee(m *skills.Matrix, ids ...string) (rebased map[string]int, history map[string][]skills.Change) {
	first, rebased := atBar(m, "pm"), atBar(m, "senior-pm")
	history = map[string][]skills.Change{}
	for _, id := range ids {
		h := commitOf("c1-"+id, "2026-01-14", "Kim", "First assessments after calibration", nil, first)
		h = append(h, commitOf("c2-"+id, "2026-11-18", "Lee Park", "My first assessment of "+id, first, rebased)...)
		history[id] = person(h, id)
	}
	return rebased, history
}
