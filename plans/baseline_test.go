package plans

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/coach-dev/coach/skills"
	"github.com/google/go-cmp/cmp"
)

// commitOf makes the level changes of one commit, from before to after.
func commitOf(hash, on, author, subject string, before, after map[string]int) []skills.Change {
	p := &skills.Person{ID: "p", Levels: after}
	var was *skills.Person
	if before != nil {
		was = &skills.Person{ID: "p", Levels: before}
	}
	cs := skills.Diff(was, p)
	for i := range cs {
		cs[i].Commit, cs[i].Date, cs[i].Author, cs[i].Subject = hash, day(on), author, subject
	}
	return cs
}

// TestBaselines tells an assessment that sets levels from one that moves
// them: the first, a commit that moves most of them at once (a new
// manager's first, named as such), and the file as it stands.
func TestBaselines(t *testing.T) {
	m := matrix(t)
	first := atBar(m, "pm")
	grown := with(first, map[string]int{"negotiation": 3})
	rebased := atBar(m, "senior-pm")
	history := commitOf("c1", "2026-01-14", "Kim", "First assessments, calibrated with HR", nil, first)
	history = append(history, commitOf("c2", "2026-03-10", "Kim", "Negotiation up", first, grown)...)
	history = append(history, commitOf("c3", "2026-09-22", "Lee", "My first assessment of Pat", grown, rebased)...)
	got := Baselines(history, &skills.Person{ID: "p", Levels: rebased, Assessed: day("2026-11-18")}, "Lee")
	var kinds []string
	for _, b := range got {
		kinds = append(kinds, b.Date+" "+b.Kind+" "+b.Author)
	}
	if diff := cmp.Diff([]string{"2026-01-14 first Kim", "2026-09-22 new-manager Lee"}, kinds); diff != "" {
		t.Errorf("baselines (-want +got):\n%s", diff)
	}
	if !got[0].Calibrated || got[1].Calibrated {
		t.Errorf("calibrated: first %v, re-baseline %v; want true, false", got[0].Calibrated, got[1].Calibrated)
	}
	// A later commit that records the calibration calibrates it; one that
	// does not, does not.
	later := with(rebased, map[string]int{"negotiation": 2})
	for _, tc := range []struct {
		subject string
		want    bool
	}{
		{"Pat: levels calibrated with Kim", true},
		{"Pat: negotiation back to 2", false},
		{"Pat: CALIBRATION agreed with Kim", true},
		{"Pat: calibra", false},
	} {
		h := append(slices.Clone(history), commitOf("c4", "2026-10-02", "Lee", tc.subject, rebased, later)...)
		if b := Baselines(h, nil, "Lee"); len(b) != 2 || b[1].Calibrated != tc.want {
			t.Errorf("after %q: calibrated %v, want %v", tc.subject, b[len(b)-1].Calibrated, tc.want)
		}
	}
	if want := "Lee's first assessment of Pat as manager (2026-09-22, 15 of 24 levels set at once)"; got[1].Describe("Pat") != want {
		t.Errorf("describe = %q, want it to start %q", got[1].Describe("Pat"), want)
	}
	// The same re-levelling by someone who changed the levels before is a
	// re-baseline, not a new manager's.
	if b := Baselines(history, nil, "Kim"); b[1].Kind != "re-baseline" {
		t.Errorf("kind = %s, want re-baseline", b[1].Kind)
	}
	// The file as it stands, when it moves most levels against the history's
	// last version, is a pending baseline; a few moves are growth.
	now := &skills.Person{ID: "p", Levels: atBar(m, "gpm"), Assessed: day("2026-11-18")}
	if b := Baselines(history, now, ""); len(b) != 3 || !b[2].Pending || b[2].Date != "2026-11-18" {
		t.Errorf("pending = %+v", b)
	}
	now.Levels = with(rebased, map[string]int{"negotiation": 4})
	if b := Baselines(history, now, ""); len(b) != 2 {
		t.Errorf("one level moved made a baseline: %+v", b[len(b)-1])
	}
}

// Progress counts from the latest baseline, never across it, and a ready
// verdict that rests on an uncalibrated one says so.
func TestProgressFromTheBaseline(t *testing.T) {
	m := matrix(t)
	first := atBar(m, "pm")
	rebased := atBar(m, "senior-pm")
	history := commitOf("c1", "2026-01-14", "Kim", "First assessments after calibration", nil, first)
	history = append(history, commitOf("c2", "2026-09-22", "Lee Park", "My first assessment of Pat", first, rebased)...)
	for i := range history {
		history[i].Person = "pat"
	}
	pat := &skills.Person{ID: "pat", Name: "Pat Doe", Path: "skills/pat.toml", Role: "pm", Manager: "lee", Levels: rebased,
		Assessed: day("2026-11-18"), PlanStart: day("2026-09-01")}
	lee := &skills.Person{ID: "lee", Name: "Lee Park", Path: "skills/lee.toml", Role: "gpm", Manager: "robin", Levels: atBar(m, "gpm")}
	robin := &skills.Person{ID: "robin", Name: "Robin Hart", Path: "skills/robin.toml", Role: "director", Levels: atBar(m, "director")}
	pl, err := Build(Input{Matrix: m, Config: skills.DefaultConfig(), Person: pat, Team: []*skills.Person{pat, lee, robin}, History: history})
	if err != nil {
		t.Fatal(err)
	}
	if pl.Progress.Baseline == nil || pl.Progress.Start != "2026-09-22" || len(pl.Progress.Moves) != 0 {
		t.Errorf("progress = %+v, want it counted from the baseline of 2026-09-22, with no moves", pl.Progress)
	}
	// Cold read finding 1: levels a new manager raised by one at once are a
	// change of rater, not evidence: the verdict is held, never "ready now",
	// and says what will make the case.
	if pl.Verdict.Kind != "held" || pl.Verdict.Text != "held until calibration" ||
		!strings.HasPrefix(pl.Verdict.Why, "Your levels from Lee Park's first assessment as your manager, on 2026-09-22, wait for a calibration with Robin Hart, due by 2026-10-22 and not done yet: it is set now for 2026-12-02, and the verdict follows it. Whatever the calibration settles, what will make the case for Senior Product Manager is") ||
		strings.Contains(pl.Verdict.Why, "change of rater") {
		t.Errorf("verdict = %+v", pl.Verdict)
	}
	// The calibration is the manager's commitment, with its date: a month
	// after the baseline is past, so it is said to be late, with a new one.
	if want := "Calibration of Lee Park's first assessment of you, of 22 September, due by 22 October and not done yet, which is on your manager: now set for 2 December, with Robin Hart, and what it settles told to you at the next 1:1 after it."; !slices.Contains(pl.Commitments, want) {
		t.Errorf("commitments = %q, want %q", pl.Commitments, want)
	}
	if slices.ContainsFunc(pl.Commitments, func(c string) bool { return strings.HasPrefix(c, "Sponsorship") }) {
		t.Errorf("sponsorship on a held verdict: %q", pl.Commitments)
	}
	// Calibrated, the same re-levelling is still a baseline, but nothing
	// waits on it but the manager: Lee rates their three reports a role
	// above the bar, Robin theirs at it, and the team flags the gap (a
	// manager is compared from three people assessed).
	for i := range history {
		if history[i].Commit == "c2" {
			history[i].Subject = "Pat: re-levelled after calibration"
		}
	}
	team := []*skills.Person{pat, lee, robin}
	for _, id := range []string{"ash", "bo"} {
		team = append(team,
			&skills.Person{ID: id, Name: id, Path: "skills/" + id + ".toml", Role: "pm", Manager: "lee", Levels: rebased},
			&skills.Person{ID: id + "-gpm", Name: id + " GPM", Path: "skills/" + id + "-gpm.toml", Role: "gpm", Manager: "robin", Levels: atBar(m, "gpm")})
	}
	// A report's plan never puts their manager's calibration to them as a
	// criticism (cold read, sam-lee.md): the flagged manager hears it in
	// their own plan, by name of the one to calibrate with.
	pl, _ = Build(Input{Matrix: m, Config: skills.DefaultConfig(), Person: pat, Team: team, History: history})
	if pl.Calibration != "" || pl.Verdict.Text != "ready now" || pl.RatesApart != "" {
		t.Errorf("calibrated baseline: calibration %q, verdict %+v, rates apart %q", pl.Calibration, pl.Verdict, pl.RatesApart)
	}
	lp, _ := Build(Input{Matrix: m, Config: skills.DefaultConfig(), Person: lee, Team: team})
	if want := "Your ratings of your people sit above the other managers', by more than half a level on average: calibrate them with Robin Hart before the next promotion round, so that your people's plans stand on ratings others share."; lp.RatesApart != want {
		t.Errorf("the flagged manager's own plan: %q, want %q", lp.RatesApart, want)
	}
	_ = time.UTC
}
