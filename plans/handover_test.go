package plans

import (
	"slices"
	"strings"
	"testing"

	"github.com/coach-dev/coach/skills"
)

// TestHandoverOfAManagerMovingOff: a manager whose own file asks for the
// individual-contributor track is handing over their people, but that wish
// is private to them and their manager until the report's manager field
// changes (cold read 9, finding 1). The report's plan never says it: no
// word of the track, the hand-over or another manager, anywhere in its
// commitments. It makes the sponsorship and the staying conversation
// together with the manager's manager, without saying why. The agenda's
// self-check on the sponsorship keeps in step with the commitment's text.
func TestHandoverOfAManagerMovingOff(t *testing.T) {
	m := matrix(t)
	h := commitOf("c1", "2026-05-19", "Rosa Lind", "At the bar, calibrated", nil, atBar(m, "gpm"))
	hist := map[string][]skills.Change{"p": person(h, "p")}
	newP := func() *skills.Person {
		return &skills.Person{ID: "p", Name: "Pat Doe", Role: "senior-pm", Manager: "rosa", Levels: atBar(m, "gpm"), Assessed: day("2026-11-19"), PlanStart: day("2026-06-01")}
	}
	rosa := func(a *skills.Aspiration, mgr string) *skills.Person {
		return &skills.Person{ID: "rosa", Name: "Rosa Lind", Role: "gpm", Manager: mgr, Levels: atBar(m, "gpm"), Aspiration: a}
	}
	vic := &skills.Person{ID: "vic", Name: "Vic Amadi", Role: "director", Levels: atBar(m, "director")}
	ic := &skills.Aspiration{Track: skills.TrackIC}
	cfg := skills.DefaultConfig()
	cfg.Team.Shape = map[string]int{"gpm": 1}

	for _, a := range []*skills.Aspiration{ic, {Track: skills.TrackIC, Role: "distinguished-pm"}} {
		pl := buildCfg(t, cfg, newP(), hist, rosa(a, "vic"), vic)
		sponsor := "Sponsorship: Vic Amadi and your manager make the case for you as Group Product Manager at the next promotion round, with the evidence in this plan."
		staying := "What you need from us while the promotion round comes, talked through at the career conversation on Tuesday 1 December, the first 1:1 of December: you have been at the Group Product Manager bar since 2026-05-19, six months, with nothing new written down since: your manager asks what has kept your work out of sight, as that is what a promotion case needs. In it, your manager and Vic Amadi say plainly what they can and cannot promise."
		for _, want := range []string{sponsor, staying} {
			if !slices.Contains(pl.Commitments, want) {
				t.Errorf("commitments %q\nlack %q", pl.Commitments, want)
			}
		}
		// The promises run past the hand-over: the role signs them, and
		// no line names the manager leaving it.
		if got := pl.CommitsBy(); got != "Your manager" {
			t.Errorf("commitments signed by %q, want the role", got)
		}
		for _, c := range pl.Commitments {
			if strings.Contains(c, "Rosa") {
				t.Errorf("commitment %q names the manager who hands Pat over", c)
			}
		}
		for _, c := range pl.Commitments {
			for _, leak := range []string{"hand-over", "individual-contributor", "stop leading", "whoever", "Distinguished", "manager at the round"} {
				if strings.Contains(c, leak) {
					t.Errorf("commitment %q tells Pat of Rosa's move (%q)", c, leak)
				}
			}
		}
		a := &Agenda{FirstName: "Pat", Number: 1}
		if got, want := commitmentQuestion(sponsor, pl, newP(), a, ""), "Have I started writing Pat's case for Group Product Manager with Vic Amadi, for the next promotion round?"; got != want {
			t.Errorf("question on the sponsorship:\n got %q\nwant %q", got, want)
		}
	}
	a := &Agenda{FirstName: "Pat", Number: 1}

	// A manager who stays, or a move with nobody above to agree it with:
	// the plan as before, the manager's alone.
	for name, team := range map[string][]*skills.Person{
		"the manager stays":    {rosa(nil, "vic"), vic},
		"the manager track":    {rosa(&skills.Aspiration{Track: skills.TrackManager}, "vic"), vic},
		"nobody above to name": {rosa(ic, "")},
	} {
		pl := buildCfg(t, cfg, newP(), hist, team...)
		if pl.handover != nil {
			t.Errorf("%s: a hand-over with %q, want none", name, pl.handover.with)
		}
		want := "Sponsorship: make the case for you as Group Product Manager at the next promotion round, with the evidence in this plan."
		if !slices.Contains(pl.Commitments, want) {
			t.Errorf("%s: commitments %q\nlack %q", name, pl.Commitments, want)
		}
		if got, want := commitmentQuestion(want, pl, newP(), a, ""), "Have I started writing Pat's case for Group Product Manager, for the next promotion round?"; got != want {
			t.Errorf("%s: question\n got %q\nwant %q", name, got, want)
		}
	}
}
