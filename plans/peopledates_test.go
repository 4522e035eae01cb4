package plans

import (
	"slices"
	"strings"
	"testing"

	"github.com/coach-dev/coach/skills"
)

// One assessment per calibration: a re-baseline nobody calibrated within
// the month it was due is named by its own date in At a glance and the
// commitment, never by the plan's later assessment (a calibration cannot be
// late before the assessment it calibrates, cold read 17), and the plan
// says plainly that the calibration is late, whose it is, and the new
// date; the manager's own plan says the same dates.
func TestOverdueCalibrationSaidPlainly(t *testing.T) {
	m := matrix(t)
	first, rebased := atBar(m, "pm"), atBar(m, "senior-pm")
	h := commitOf("c1", "2026-01-14", "Kim", "First assessments after calibration", nil, first)
	h = append(h, commitOf("c2", "2026-09-22", "Lee Park", "My first assessment of Jo", first, rebased)...)
	history := map[string][]skills.Change{"jo": person(h, "jo")}
	team := []*skills.Person{
		{ID: "lee", Name: "Lee Park", Role: "gpm", Manager: "robin", Levels: atBar(m, "gpm"), Assessed: day("2026-11-17")},
		{ID: "robin", Name: "Robin Hart", Role: "director", Levels: atBar(m, "director"), Assessed: day("2026-11-17")},
		{ID: "jo", Name: "Jo Adeyemi", Role: "pm", Manager: "lee", Levels: rebased, Assessed: day("2026-11-18"), PlanStart: day("2026-09-01")},
	}
	plans, _ := teamOf(t, skills.DefaultConfig(), team, history)
	pl := plans["jo"]
	if pl.Verdict.Kind != "held" {
		t.Fatalf("verdict %+v, want held", pl.Verdict)
	}
	want := "Your levels from Lee Park's first assessment as your manager, on 2026-09-22, wait for a calibration with Robin Hart, due by 2026-10-22 and not done yet: it is set now for 2026-12-02, and the verdict follows it"
	if !strings.HasPrefix(pl.Verdict.Why, want) {
		t.Errorf("why %q, want it to start %q", pl.Verdict.Why, want)
	}
	if strings.Contains(pl.Verdict.Why, "2026-11-18") || slices.ContainsFunc(pl.Commitments, func(c string) bool { return strings.Contains(c, "18 November") }) {
		t.Errorf("the calibration named by the plan's latest assessment, not the baseline's: %q, %q", pl.Verdict.Why, pl.Commitments)
	}
	commit := "Calibration of Lee Park's first assessment of you, of 22 September, due by 22 October and not done yet, which is on your manager: now set for 2 December, with Robin Hart, and what it settles told to you at the next 1:1 after it."
	if !slices.Contains(pl.Commitments, commit) {
		t.Errorf("commitments %q, want %q", pl.Commitments, commit)
	}
	lee := "Your assessment of Jo Adeyemi (2026-09-22) set the levels at once and is not calibrated yet, and its calibration was due on 2026-10-22: calibrate it with Robin Hart by 2026-12-02, as the plan holds its verdict until then."
	if !slices.Contains(plans["lee"].People, lee) {
		t.Errorf("Lee's people %q, want %q", plans["lee"].People, lee)
	}
}

// A calibration still ahead keeps its month from the baseline.
func TestCalibrationDates(t *testing.T) {
	for _, tc := range []struct{ set, today, due, by string }{
		{"2026-11-18", "2026-11-18", "2026-12-18", "2026-12-18"},
		{"2026-11-01", "2026-11-18", "2026-12-01", "2026-12-01"},
		{"2026-09-22", "2026-11-18", "2026-10-22", "2026-12-02"},
	} {
		due, by, overdue := calibrationDates(Baseline{Date: tc.set}, day(tc.today))
		if date(due) != tc.due || date(by) != tc.by || overdue != (tc.due != tc.by) {
			t.Errorf("%s on %s: due %s by %s overdue %v, want %s, %s", tc.set, tc.today, date(due), date(by), overdue, tc.due, tc.by)
		}
	}
}

// A new hire's At a glance speaks to them and names their manager as the
// commitments below do, never "I" above a list the manager signs by name:
// what the 90 days are for, their buddy, and their first real piece of
// work, their own goal due soonest.
func TestWelcomeInTheManagersVoice(t *testing.T) {
	pl := &Plan{ManagerCall: "Kay", Verdict: Verdict{Kind: "onboarding"}, Onboarding: &Onboarding{FirstAssessment: "2027-01-10", Phases: []Phase{
		{Title: "Learn the product and its customers"}, {Title: "Learn the team and the business"}, {Title: "Contribute and set direction"},
	}}}
	goals := []skills.Goal{
		{Text: "Write the launch note", Due: day("2027-03-01")},
		{Text: "Ship the refund page with Support", Due: day("2027-01-29")},
		{Text: "Read the strategy", Due: day("2026-11-01"), Done: day("2026-10-30")},
	}
	want := `Welcome, Ada. These first 90 days are for learning the product and its customers, then the team and the business, before anyone judges your work: your first full assessment is on 2027-01-10, and you and Kay prepare it together. Bo Lin is your onboarding buddy: half an hour every week, for whatever nobody writes down. Your first real piece of work is "Ship the refund page with Support", due 2027-01-29: the calls on it are yours, and Kay keeps the time for it clear.`
	if got := welcome(pl, "Ada", "Bo Lin", goals); got != want {
		t.Errorf("welcome\n got %q\nwant %q", got, want)
	}
	want = "Welcome, Ada. These first 90 days are for learning the product and its customers, then the team and the business, before anyone judges your work: your first full assessment is on 2027-01-10, and you and Kay prepare it together. You and Kay choose your first real piece of work together at your next 1:1, from what you find in these weeks."
	if got := welcome(pl, "Ada", "", nil); got != want {
		t.Errorf("welcome, no buddy nor goal\n got %q\nwant %q", got, want)
	}
	pl.Verdict.Kind = "not-yet"
	if got := welcome(pl, "Ada", "Bo Lin", goals); got != "" {
		t.Errorf("welcome past onboarding: %q", got)
	}
}

// Privacy: a report's verdict that rests on a manager who is moving off
// leading people (their own, private wish) names the case by who stays,
// the manager's manager, and by the role, "your manager", true before the
// hand-over and after it; the manager's name is not promised to the round.
func TestReadyVerdictUnderAHandoverSaysOnlyWhatTheReaderMayKnow(t *testing.T) {
	m := matrix(t)
	h := commitOf("c1", "2026-05-19", "Rosa Lind", "At the bar, calibrated", nil, atBar(m, "senior-pm"))
	hist := map[string][]skills.Change{"p": person(h, "p")}
	for _, tc := range []struct {
		a    *skills.Aspiration
		want string
	}{
		{&skills.Aspiration{Track: skills.TrackIC}, "What decides it now is not a skill but the case Vic Amadi and your manager make for you at the next promotion round"},
		{nil, "What decides it now is not a skill but Rosa's case for you at the next promotion round"},
	} {
		p := &skills.Person{ID: "p", Name: "Pat Doe", Role: "pm", Manager: "rosa", Levels: atBar(m, "senior-pm"), Assessed: day("2026-11-19"), PlanStart: day("2026-06-01")}
		rosa := &skills.Person{ID: "rosa", Name: "Rosa Lind", Role: "gpm", Manager: "vic", Levels: atBar(m, "gpm"), Aspiration: tc.a}
		vic := &skills.Person{ID: "vic", Name: "Vic Amadi", Role: "director", Levels: atBar(m, "director")}
		pl := buildCfg(t, skills.DefaultConfig(), p, hist, rosa, vic)
		if pl.Verdict.Kind != "ready-now" || !strings.HasSuffix(pl.Verdict.Why, tc.want) {
			t.Errorf("aspiration %+v: verdict %+v\nwant it to end %q", tc.a, pl.Verdict, tc.want)
		}
	}
}
