package plans

import (
	"slices"
	"strings"
	"testing"

	"github.com/coach-dev/coach/skills"
)

// TestColdRead17CommitmentsSaidToThePerson: what the manager commits to is
// written to the person, "you", beside the manager's name; never the
// person's own name in the third person.
func TestColdRead17CommitmentsSaidToThePerson(t *testing.T) {
	m := matrix(t)
	lead := &skills.Person{ID: "rosa", Name: "Rosa Vidal", Role: "director", Levels: atBar(m, "director"), Assessed: day("2026-11-10")}
	ivo := &skills.Person{ID: "ivo", Name: "Ivo Brandt", Role: "pm", Manager: "rosa", Levels: atBar(m, "pm"), Assessed: day("2026-11-10"),
		Goals: []skills.Goal{
			{Text: "Lead the chargeback scope conversation with Risk", Skills: []string{"negotiation"}, Due: day("2027-01-29")},
			{Text: "Move card-dispute win rate from 40% to 48%", Skills: []string{"outcome-focus"}, Due: day("2027-02-26")},
		}}
	pl := build(t, ivo, lead)
	for _, want := range []string{
		`Backing for "Lead the chargeback scope conversation with Risk" (due 2027-01-29): you lead the conversation with Risk; Rosa helps prepare your position beforehand, stays out of the room, and goes over how it went afterwards.`,
		`Backing for "Move card-dispute win rate from 40% to 48%" (due 2027-02-26): you own the number and decide what moves it; Rosa reads the numbers with you each month, and the calls stay yours.`,
	} {
		if !slices.Contains(pl.Commitments, want) {
			t.Errorf("commitments %q\nlack %q", pl.Commitments, want)
		}
	}
	for _, c := range pl.Commitments {
		if strings.Contains(c, "Ivo") {
			t.Errorf("a commitment names the person: %q", c)
		}
	}
}

// TestColdRead17HandOverAndShape: a manager moving off leading people
// (their own file asks for the individual-contributor track) gets the
// matrix's actions for the work they move to; the promotion case they
// promise a report is made with their own manager, named first; and the
// leader above them hires the seat they leave, however their own hiring
// goal reads. Someone ready now for a role the shape is short of is said
// to be ready now, as the team view says it.
func TestColdRead17HandOverAndShape(t *testing.T) {
	m := matrix(t)
	rosa := &skills.Person{ID: "rosa", Name: "Rosa Vidal", Role: "director", Manager: "vp", Levels: atBar(m, "director"), Assessed: day("2026-11-10")}
	sol := &skills.Person{ID: "sol", Name: "Sol Varga", Role: "gpm", Manager: "rosa", Levels: atBar(m, "gpm"), Assessed: day("2026-11-10"),
		Aspiration: &skills.Aspiration{Track: skills.TrackIC},
		Goals:      []skills.Goal{{Text: "Write the payments group's hiring plan for 2027", Skills: []string{"hiring"}, Due: day("2026-12-31")}}}
	h := commitOf("c1", "2026-05-19", "Sol Varga", "At the bar, calibrated", nil, atBar(m, "senior-pm"))
	kim := &skills.Person{ID: "kim", Name: "Kim Roe", Role: "pm", Manager: "sol", Levels: atBar(m, "senior-pm"), Assessed: day("2026-11-10")}
	cfg := skills.DefaultConfig()
	cfg.Team.Shape = map[string]int{"senior-pm": 1, "gpm": 1, "director": 1}

	pk := buildCfg(t, cfg, kim, map[string][]skills.Change{"kim": person(h, "kim")}, rosa, sol)
	want := "Sponsorship: Rosa Vidal and your manager make the case for you as Senior Product Manager at the next promotion round, with the evidence in this plan."
	if !slices.Contains(pk.Commitments, want) {
		t.Errorf("commitments %q\nlack %q", pk.Commitments, want)
	}
	if !MakesCase(want) || MakesCase("Sponsorship: a slot for you at the next leadership review to present your own work.") {
		t.Error("MakesCase reads the promise wrong")
	}

	pr := buildCfg(t, cfg, rosa, nil, sol, kim)
	shape := "The team is short against its planned shape: one Senior Product Manager (0 of 1): Kim Roe is ready now: make the case at the next promotion round, then backfill a Product Manager; one Group Product Manager (0 of 1), a hire, as nobody in the team is within reach of it yet. Sol Varga wants the individual-contributor track, and once the hand-over of the team is agreed, that Group Product Manager seat counts as open, and it is yours to hire. Sol Varga's goal \"Write the payments group's hiring plan for 2027\" (due 2026-12-31) stays Sol Varga's: your part in it is the headcount and the sign-off."
	if !slices.Contains(pr.People, shape) {
		t.Errorf("people %q\nlack %q", pr.People, shape)
	}
	for _, l := range pr.People {
		if strings.Contains(l, "Back Sol") {
			t.Errorf("the leader is told to back the hiring for the seat Sol leaves: %q", l)
		}
	}

	ps := buildCfg(t, cfg, sol, nil, rosa, kim)
	for _, f := range ps.Focus {
		for _, a := range f.Actions {
			if strings.Contains(a.Text, "about your team") {
				t.Errorf("an action about the team Sol hands over: %q", a.Text)
			}
		}
	}
}

// TestColdRead17LearnFromInThePersonsTerms: "Learn from" is said in the
// person's own terms (their goal on the skill, or the step they take, and
// the mentor the plan pairs them with), so two plans never share its lines.
func TestColdRead17LearnFromInThePersonsTerms(t *testing.T) {
	pl := &Plan{
		Focus: []Focus{
			{SkillRef: SkillRef{ID: "negotiation"}, Goals: []string{"Agree the chargeback rules with the card schemes by January"}},
			{SkillRef: SkillRef{ID: "delegation"}, Level: LevelText{Value: 2, Name: "Practising"}, Next: LevelText{Value: 3, Name: "Proficient"}},
		},
		Mentors: []MentorLink{{Person: PersonRef{Name: "Tomás Ruiz"}, Skill: SkillRef{ID: "negotiation"}}},
	}
	learnFromWho(pl)
	neg, del := pl.Focus[0], pl.Focus[1]
	if neg.WorkIn != `in "Agree the chargeback rules with the card…"` || neg.WhoFirst != "Tomás Ruiz" {
		t.Errorf("negotiation: %q %q", neg.WorkIn, neg.WhoFirst)
	}
	if del.WorkIn != "for the step from 2 Practising to 3 Proficient" || del.WhoFirst != "" {
		t.Errorf("delegation: %q %q", del.WorkIn, del.WhoFirst)
	}
}
