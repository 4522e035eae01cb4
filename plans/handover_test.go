package plans

import (
	"slices"
	"testing"

	"github.com/coach-dev/coach/skills"
)

// TestHandoverOfAManagerMovingOff: a manager whose own file asks for the
// individual-contributor track is handing over their people. The report's
// plan says so, names who the next manager is being agreed with (the
// manager's manager, from the files), and makes the sponsorship and the
// staying conversation with them, so that neither rests on someone who
// will not be the manager at the promotion round. The agenda's self-check
// on the sponsorship keeps in step with the commitment's text.
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

	pl := buildCfg(t, cfg, newP(), hist, rosa(ic, "vic"), vic)
	handover := "The hand-over, said plainly: Rosa is moving to the individual-contributor track, as Principal Product Manager, and will stop leading people; who becomes Pat's manager is being agreed with Vic Amadi, and Pat hears it from Rosa at a 1:1 before it is announced."
	sponsor := "Sponsorship: make the case for Pat as Group Product Manager at the next promotion round, with the evidence in this plan, together with Vic Amadi, so that it stands whoever is Pat's manager at the round."
	staying := "A conversation about staying, at the career conversation on Tuesday 1 December, the first 1:1 of December: Pat has been at the Group Product Manager bar since 2026-05-19, six months, with nothing new written down since: Rosa asks what has kept Pat's work out of sight, as that is what a promotion case needs. Rosa and Vic Amadi ask what would make Pat leave, what Pat needs while the round comes and through the hand-over, and say plainly what they can and cannot promise."
	for _, want := range []string{handover, sponsor, staying} {
		if !slices.Contains(pl.Commitments, want) {
			t.Errorf("commitments %q\nlack %q", pl.Commitments, want)
		}
	}
	// Said last, so the agendas' turns through the others keep their order.
	if got := pl.Commitments[len(pl.Commitments)-1]; got != handover {
		t.Errorf("last commitment = %q, want the hand-over", got)
	}
	a := &Agenda{FirstName: "Pat", Number: 1}
	for c, want := range map[string]string{
		sponsor:  "Have I started writing Pat's case for Group Product Manager with Vic Amadi, so that it stands through the hand-over?",
		handover: "Have I told Pat myself where the hand-over stands with Vic Amadi, before anyone else does?",
	} {
		if got := commitmentQuestion(c, pl, newP(), a, ""); got != want {
			t.Errorf("question on %q:\n got %q\nwant %q", c, got, want)
		}
	}

	// The move's role, when the file names one, is the one said.
	pl = buildCfg(t, cfg, newP(), hist, rosa(&skills.Aspiration{Track: skills.TrackIC, Role: "distinguished-pm"}, "vic"), vic)
	if want := "The hand-over, said plainly: Rosa is moving to the individual-contributor track, as Distinguished Product Manager, and will stop leading people; who becomes Pat's manager is being agreed with Vic Amadi, and Pat hears it from Rosa at a 1:1 before it is announced."; !slices.Contains(pl.Commitments, want) {
		t.Errorf("commitments %q\nlack %q", pl.Commitments, want)
	}

	// A manager who stays, or a move with nobody above to agree it with:
	// the plan as before, the manager's alone.
	for name, team := range map[string][]*skills.Person{
		"the manager stays":    {rosa(nil, "vic"), vic},
		"the manager track":    {rosa(&skills.Aspiration{Track: skills.TrackManager}, "vic"), vic},
		"nobody above to name": {rosa(ic, "")},
	} {
		pl := buildCfg(t, cfg, newP(), hist, team...)
		for _, c := range pl.Commitments {
			if c == handover || c == sponsor || c == staying || pl.handover != nil {
				t.Errorf("%s: commitment %q, want none of the hand-over's", name, c)
			}
		}
		want := "Sponsorship: make the case for Pat as Group Product Manager at the next promotion round, with the evidence in this plan."
		if !slices.Contains(pl.Commitments, want) {
			t.Errorf("%s: commitments %q\nlack %q", name, pl.Commitments, want)
		}
		if got, want := commitmentQuestion(want, pl, newP(), a, ""), "Have I started writing Pat's case for Group Product Manager, for the next promotion round?"; got != want {
			t.Errorf("%s: question\n got %q\nwant %q", name, got, want)
		}
	}
}
