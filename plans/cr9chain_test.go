package plans

import (
	"slices"
	"strings"
	"testing"

	"github.com/coach-dev/coach/skills"
)

// TestColdRead9ShapeCountsAManagerHandingOver: a manager whose own file asks
// for the individual-contributor track is counted out of the leading role
// they leave, in the leader's plan, in the team view's hiring and in a
// report's verdict on a role the shape still wants; the aim their file names
// is the seat they count in.
func TestColdRead9ShapeCountsAManagerHandingOver(t *testing.T) {
	m := matrix(t)
	ria := &skills.Person{ID: "ria", Name: "Ria Sen", Role: "director", Manager: "vp", Levels: atBar(m, "director"), Assessed: day("2026-11-10")}
	sol := &skills.Person{ID: "sol", Name: "Sol Varga", Role: "gpm", Manager: "ria", Levels: atBar(m, "gpm"), Assessed: day("2026-11-10"),
		Aspiration: &skills.Aspiration{Track: skills.TrackIC}}
	kim := &skills.Person{ID: "kim", Name: "Kim Roe", Role: "pm", Manager: "sol", Levels: atBar(m, "pm"), Assessed: day("2026-11-10")}
	cfg := skills.DefaultConfig()
	cfg.Team.Shape = map[string]int{"gpm": 1, "director": 1}
	shape := "The team is short against its planned shape: one Group Product Manager (0 of 1), a hire, as nobody in the team is within reach of it yet. Sol Varga wants the individual-contributor track, and once the hand-over of the team is agreed, that Group Product Manager seat counts as open. The hiring plan for it is yours to start."
	if pl := buildCfg(t, cfg, ria, nil, sol, kim); !slices.Contains(pl.People, shape) {
		t.Errorf("people %q\nlack %q", pl.People, shape)
	}
	people := []*skills.Person{ria, sol, kim}
	for _, q := range people {
		q.Path = "skills/" + q.ID + ".toml"
	}
	tm := buildTeam(t, m, cfg, people)
	if len(tm.Hiring.OpenFirst) != 1 || tm.Hiring.OpenFirst[0].Why != "0 of 1, as Sol Varga wants the individual-contributor track, and once the hand-over of the team is agreed, that Group Product Manager seat counts as open; nobody in the team is ready to move into it" {
		t.Errorf("open first = %+v", tm.Hiring.OpenFirst)
	}
	// A Group PM hopeful ready for months reads the seat as one that may
	// open up, not as every Group PM role filled.
	h := commitOf("c1", "2026-05-19", "Sol Varga", "At the bar, calibrated", nil, atBar(m, "gpm"))
	ada := &skills.Person{ID: "ada", Name: "Ada Moss", Role: "senior-pm", Target: "gpm", Manager: "sol", Levels: atBar(m, "gpm"), Assessed: day("2026-11-10")}
	pl := buildCfg(t, cfg, ada, map[string][]skills.Change{"ada": person(h, "ada")}, ria, sol, kim)
	if !strings.HasSuffix(pl.Verdict.Why, "What stands between you and it is not a skill but a team to lead: a Group Product Manager role opening up, and the case Ria Sen and your manager make for you at the next promotion round") {
		t.Errorf("verdict = %q", pl.Verdict.Why)
	}
	// The role moved to (here the matrix's individual-contributor step
	// from Group PM) is the seat the manager fills instead.
	cfg.Team.Shape = map[string]int{"principal-pm": 1, "director": 1}
	for _, line := range buildCfg(t, cfg, ria, nil, sol, kim).People {
		if strings.HasPrefix(line, "The team is short") {
			t.Errorf("a full shape reads short: %q", line)
		}
	}
}

// TestColdRead9CaseWithTheSkipLevel: a manager below their own role's bar
// on a people leader's skill does not make a report's promotion case
// alone: the manager's manager makes it with them, the report's plan and
// the manager's agenda say so without saying why, and the skip-level's
// plan names the case and why it is theirs too.
func TestColdRead9CaseWithTheSkipLevel(t *testing.T) {
	m := matrix(t)
	dee := &skills.Person{ID: "dee", Name: "Dee Ward", Role: "director", Manager: "vp", Levels: atBar(m, "director"), Assessed: day("2026-11-10")}
	max := &skills.Person{ID: "max", Name: "Max Bell", Role: "gpm", Manager: "dee", Levels: atBar(m, "gpm"), Assessed: day("2026-11-10")}
	max.Levels["coaching"]--
	h := commitOf("c1", "2026-05-19", "Max Bell", "At the bar, calibrated", nil, atBar(m, "gpm"))
	hist := map[string][]skills.Change{"tom": person(h, "tom")}
	tom := &skills.Person{ID: "tom", Name: "Tom Ruiz", Role: "senior-pm", Manager: "max", Levels: atBar(m, "gpm"), Assessed: day("2026-11-19"), PlanStart: day("2026-06-01")}
	cfg := skills.DefaultConfig()
	pl := buildCfg(t, cfg, tom, hist, dee, max)
	if want := "Sponsorship: make the case for you as Group Product Manager at the next promotion round, with the evidence in this plan, together with Dee Ward, who reads the evidence first-hand."; !slices.Contains(pl.Commitments, want) {
		t.Errorf("commitments %q\nlack %q", pl.Commitments, want)
	}
	if !strings.HasSuffix(pl.Verdict.Why, "and Max and Dee Ward's case for you at the next promotion round") {
		t.Errorf("verdict = %q", pl.Verdict.Why)
	}
	if q := commitmentQuestion(pl.Commitments[0], pl, tom, &Agenda{FirstName: "Tom", Number: 1}, ""); q != "Have I started writing Tom's case for Group Product Manager with Dee Ward, for the next promotion round?" {
		t.Errorf("agenda question = %q", q)
	}
	skip := "Tom Ruiz, in Max's team, is at the Group Product Manager bar on every assessed skill: the case for the next promotion round is yours to make with Max, and to read first-hand, as Max's own plan is still closing coaching and mentoring, below the Group Product Manager bar."
	if pl := buildCfg(t, cfg, dee, hist, max, tom); !slices.Contains(pl.People, skip) {
		t.Errorf("people %q\nlack %q", pl.People, skip)
	}
	// At the bar on the people skills, the manager makes the case alone,
	// and the skip-level's plan is silent about it.
	max.Levels["coaching"]++
	pl = buildCfg(t, cfg, tom, hist, dee, max)
	if want := "Sponsorship: make the case for you as Group Product Manager at the next promotion round, with the evidence in this plan."; !slices.Contains(pl.Commitments, want) {
		t.Errorf("commitments %q\nlack %q", pl.Commitments, want)
	}
	for _, line := range buildCfg(t, cfg, dee, hist, max, tom).People {
		if strings.HasPrefix(line, "Tom Ruiz, in") {
			t.Errorf("a case the manager makes alone in the skip-level's plan: %q", line)
		}
	}
	// Below the bar on a skill outside the people skills, too.
	max.Levels["business-acumen"]--
	if pl := buildCfg(t, cfg, tom, hist, dee, max); pl.cosponsor != "" {
		t.Errorf("cosponsor for a gap outside the people skills: %q", pl.cosponsor)
	}
}

// TestColdRead9OnboardingWindowsPast: an onboarding window that has closed
// by the plan's date is said as past, never promised again; one still
// ahead is promised as before.
func TestColdRead9OnboardingWindowsPast(t *testing.T) {
	joined := day("2026-10-12")
	for _, c := range []struct {
		today string
		ahead []string
		past  string
	}{
		{"2026-10-20", []string{"the intros made in the first two weeks", "no delivery deadline of Ana's own before day 30"}, ""},
		{"2026-10-30", []string{"no delivery deadline of Ana's own before day 30"}, ""},
		{"2026-11-17", nil, "the first 30 days, free of delivery deadlines, ended on 2026-11-11"},
	} {
		ahead, past := onboardingWindows(joined, day(c.today), "the intros", "Ana's")
		if !slices.Equal(ahead, c.ahead) || past != c.past {
			t.Errorf("on %s: %q, %q; want %q, %q", c.today, ahead, past, c.ahead, c.past)
		}
	}
	m := matrix(t)
	kim := &skills.Person{ID: "kim", Name: "Kim Roe", Role: "gpm", Manager: "vp", Levels: atBar(m, "gpm"), Assessed: day("2026-11-17")}
	ana := &skills.Person{ID: "ana", Name: "Ana Lima", Role: "pm", Manager: "kim", Joined: joined, Assessed: day("2026-11-17")}
	if pl := buildCfg(t, skills.DefaultConfig(), ana, nil, kim); !slices.Contains(pl.Commitments, "Onboarding: a weekly 1:1 through day 90; the first 30 days, free of delivery deadlines, ended on 2026-11-11.") {
		t.Errorf("commitments %q", pl.Commitments)
	}
	want := "Ana Lima joined on 2026-10-12 and is onboarding with you to day 90, 2027-01-10: a weekly 1:1; the first 30 days, free of delivery deadlines, ended on 2026-11-11."
	if pl := buildCfg(t, skills.DefaultConfig(), kim, nil, ana); !slices.Contains(pl.People, want) {
		t.Errorf("people %q\nlack %q", pl.People, want)
	}
}
