package plans

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/coach-dev/coach/skills"
)

// TestYourPeopleForALeaderOfLeaders (cold read 7, finding 1): a manager
// of managers reads their reports' material changes in their own 1:1s: a
// move between tracks, and a report's baseline of their own people that
// waits on a calibration with them. The person who moves off leading
// people reads their own move, with the people it hands over.
func TestYourPeopleForALeaderOfLeaders(t *testing.T) {
	m := matrix(t)
	cfg := skills.DefaultConfig()
	rebased, history := rebasedByLee(m, "jo", "pat")
	team := []*skills.Person{
		{ID: "lee", Name: "Lee Park", Role: "gpm", Manager: "robin", Levels: atBar(m, "gpm"), Assessed: day("2026-11-17"),
			Aspiration: &skills.Aspiration{Track: skills.TrackIC}},
		{ID: "robin", Name: "Robin Hart", Role: "director", Levels: atBar(m, "director"), Assessed: day("2026-11-17")},
		{ID: "al", Name: "Al Rowe", Role: "senior-pm", Manager: "robin", Levels: atBar(m, "senior-pm"), Assessed: day("2026-11-10"),
			Aspiration: &skills.Aspiration{Track: skills.TrackManager}},
		{ID: "jo", Name: "Jo Adeyemi", Role: "pm", Manager: "lee", Levels: rebased, Assessed: day("2026-11-18"), PlanStart: day("2026-09-01")},
		{ID: "pat", Name: "Pat Doe", Role: "pm", Manager: "lee", Levels: rebased, Assessed: day("2026-11-18"), PlanStart: day("2026-09-01")},
	}
	for _, tt := range []struct {
		name, who, week string
		prev            *PreviousAgenda
		want            []string
	}{
		{"the leader who wants the individual-contributor track", "lee", "2026-W48", nil, []string{
			"Your move to the individual-contributor track, as Principal Product Manager: who takes on Jo and Pat, and when, is ours to agree before anything is announced; bring who you would suggest for each.",
			"Calibrate your first assessments of Jo and Pat with me by Friday 18 December: their verdicts wait on it.",
		}},
		{"the same a week later: the next question about it", "lee", "2026-W49", prevAt(t, "2026-W48", 1), []string{
			"Your move to the individual-contributor track: which of Jo and Pat could move first, to whom, and what do they need to hear from you before it is announced?",
			"Is the calibration of your first assessments of Jo and Pat booked with me, before Friday 18 December? Their verdicts wait on it.",
		}},
		{"and the week after: the calibration in other words too", "lee", "2026-W50", prevAt(t, "2026-W49", 2), []string{
			"Your move to the individual-contributor track: where the hand-over of Jo and Pat stands, and what you need from me to announce it well.",
			"For the calibration of your first assessments of Jo and Pat with me, by Friday 18 December: bring the levels you are least sure of, with the work behind each.",
		}},
		{"their manager: both moves and the calibration", "robin", "2026-W48", nil, []string{
			"Lee Park wants to move to the individual-contributor track, as Principal Product Manager: agree with Lee who takes on Jo and Pat, and when, and bring it to me before anything is announced.",
			"Al Rowe wants to lead people, as Group Product Manager: bring what people work Al is practising before the title, and how it is going.",
			"Calibrate Lee Park's first assessments of Jo and Pat with Lee by Friday 18 December: their verdicts wait on it.",
		}},
		{"their manager a week later", "robin", "2026-W49", prevAt(t, "2026-W48", 1), []string{
			"Lee Park's move to the individual-contributor track: where have you and Lee got to on who takes on Jo and Pat, and what do you need from me for it?",
			"Al Rowe wants to lead people: how is the practice going, as the people it serves tell it?",
			"Is the calibration of Lee Park's first assessments of Jo and Pat booked with Lee, before Friday 18 December? Their verdicts wait on it.",
		}},
		{"the other track's wish is not the person's own line", "al", "2026-W48", nil, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			plans, _ := teamOf(t, cfg, team, history)
			var p *skills.Person
			for _, q := range team {
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
}

// TestCareerConversationAsksAboutATrackMove: a leader who asked to move
// to the individual-contributor track is asked about it at every career
// conversation until the move is made.
func TestCareerConversationAsksAboutATrackMove(t *testing.T) {
	m := matrix(t)
	cfg := skills.DefaultConfig()
	team := []*skills.Person{
		{ID: "lee", Name: "Lee Park", Role: "gpm", Manager: "robin", Levels: atBar(m, "gpm"), Assessed: day("2026-11-17"),
			Aspiration: &skills.Aspiration{Track: skills.TrackIC, Teach: []string{"coaching"}}},
		{ID: "robin", Name: "Robin Hart", Role: "director", Levels: atBar(m, "director"), Assessed: day("2026-11-17")},
	}
	plans, _ := teamOf(t, cfg, team, nil)
	for _, week := range []string{"2026-W49", "2027-W01"} {
		w, _ := ParseWeek(week)
		a := BuildAgenda(AgendaInput{Plan: plans["lee"], Matrix: m, Config: cfg, Person: team[0], Week: w})
		if a.Career == nil || len(a.Career.Questions) == 0 {
			t.Fatalf("%s: no career conversation", week)
		}
		want := "You asked to move to the individual-contributor track, as Principal Product Manager: is it still what you want, and what would make it a good move for you and for your people?"
		if a.Career.Questions[0] != want {
			t.Errorf("%s: first question %q, want %q", week, a.Career.Questions[0], want)
		}
	}
}

// TestCareerAskListsSkillsCleanly: a skill name with an "and" of its own
// is set apart by a comma, so that the list reads as two skills.
func TestCareerAskListsSkillsCleanly(t *testing.T) {
	m := matrix(t)
	p := &skills.Person{ID: "al", Name: "Al Rowe", Role: "senior-pm", Aspiration: &skills.Aspiration{Teach: []string{"customer-insight", "ux-discovery"}}}
	_, q := careerAsk(m, p, &Plan{}, 11)
	if want := "You would gladly teach customer insight, and product discovery and UX: who could you help with it, and how much time can you give?"; q != want {
		t.Errorf("got  %q\nwant %q", q, want)
	}
}
