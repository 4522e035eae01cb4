package plans

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/coach-dev/coach/skills"
)

// A difference of view is opened with the current manager's level, never
// one an earlier manager set: after a change of manager, until the new
// manager has assessed the person, the agenda says whose level it is and
// asks what to look at, and "I rate you" waits for their own assessment
// (cold read 13). A level written by those the manager reports to is the
// manager's, recorded for them.
func TestRatingDifferenceIsTheCurrentManagers(t *testing.T) {
	m, err := skills.DefaultMatrix()
	if err != nil {
		t.Fatal(err)
	}
	cfg := skills.DefaultConfig()
	cfg.Leaders = []skills.Leader{{ID: "rosa", Name: "Rosa Lindqvist"}}
	lena := &skills.Person{ID: "lena", Name: "Lena Fischer", Role: "pm", Manager: "kofi",
		Levels: map[string]int{"negotiation": 1}, Self: map[string]int{"negotiation": 2}}
	kofi := &skills.Person{ID: "kofi", Name: "Kofi Mensah", Role: "gpm", Manager: "dana"}
	dana := &skills.Person{ID: "dana", Name: "Dana Whitfield", Role: "director", Manager: "rosa"}
	pl, err := Build(Input{Matrix: m, Config: cfg, Person: lena, Team: []*skills.Person{lena, kofi, dana}})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"Dana Whitfield", "Rosa Lindqvist"}; !slices.Equal(pl.above, want) {
		t.Fatalf("above %q, want %q", pl.above, want)
	}
	at := func(s string) time.Time { return day(s) }
	set := func(who, when string) skills.Change {
		return skills.Change{Person: "lena", Kind: skills.KindLevel, Skill: "negotiation", Author: who, Date: at(when), From: "2", To: "3"}
	}
	w38 := at("2026-09-17")
	for _, tt := range []struct {
		name    string
		history []skills.Change
		want    string
	}{
		{"an earlier manager's level", []skills.Change{set("Marcus Bell", "2026-06-08")}, "Marcus Bell"},
		{"recorded by the manager's manager", []skills.Change{set("Rosa Lindqvist", "2026-06-08")}, ""},
		{"the manager's own", []skills.Change{set("Kofi Mensah", "2026-06-08")}, ""},
		{"the new manager assessed since", []skills.Change{set("Marcus Bell", "2026-06-08"),
			{Person: "lena", Kind: skills.KindLevel, Skill: "coaching", Author: "Kofi Mensah", Date: at("2026-09-10"), From: "2", To: "2"}}, ""},
		{"the new manager's assessment is after the 1:1", []skills.Change{set("Marcus Bell", "2026-06-08"),
			{Person: "lena", Kind: skills.KindLevel, Skill: "coaching", Author: "Kofi Mensah", Date: at("2026-09-22"), From: "2", To: "3"}}, "Marcus Bell"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := olderRater(tt.history, pl, lena, "negotiation", w38); got != tt.want {
				t.Errorf("olderRater = %q, want %q", got, tt.want)
			}
		})
	}
	if got, want := olderAsk(lena, "negotiation", "Marcus Bell"), "You rate yourself 2 here, and your last assessment, by Marcus Bell, says 1; I have not assessed it myself yet, so what should I look at first when I do?"; got != want {
		t.Errorf("olderAsk:\n got %q\nwant %q", got, want)
	}
	// In the week's agenda: the question opens the difference, and no
	// "I rate you" is said of a level the manager did not set.
	in := AgendaInput{Plan: pl, Matrix: m, Config: cfg, Person: lena, History: []skills.Change{set("Marcus Bell", "2026-06-08")}, Week: WeekOf(w38)}
	a := BuildAgenda(in)
	if a.Focus == nil || a.Focus.ID != "negotiation" {
		t.Fatalf("focus %+v, want negotiation, below the bar", a.Focus)
	}
	if want := olderAsk(lena, "negotiation", "Marcus Bell"); a.Focus.Ask != want {
		t.Errorf("ask %q, want %q", a.Focus.Ask, want)
	}
}

// A goal that moves a number is started one of three ways, by the goal,
// so that a team moving several numbers is not handed one sentence, and
// what would show it is that way's own (cold read 13).
func TestMetricGoalsStartTheirOwnWay(t *testing.T) {
	d := day("2026-12-01")
	f := Focus{SkillRef: SkillRef{ID: "outcome-focus", Name: "Outcomes and metrics"}}
	for _, tt := range []struct{ goal, step, shows string }{
		{"Own the onboarding activation metric and move 7-day activation from 31% to 36%",
			"Ask two of the people 7-day activation measures what would move it for them, before our next 1:1, and bring their words with the change you will try first.",
			"Their words on what would move 7-day activation, and the change you will try first."},
		{"Move the search success rate from 61% to 68% by the end of the year",
			"Find where the search success rate stands today and what moved it last, and bring both to our next 1:1, with the one lever you will pull first by 31 December.",
			"Where the search success rate stands today, what moved it last, and the lever you picked."},
		{"Bring team engagement back to 72 in the February pulse survey",
			"Ask two of the people team engagement measures what would move it for them, before our next 1:1, and bring their words with the change you will try first.",
			"Their words on what would move team engagement, and the change you will try first."},
	} {
		due := map[string]string{"Own": "2027-02-28", "Move": "2026-12-31", "Bring": "2027-02-26"}[strings.Fields(tt.goal)[0]]
		g := skills.Goal{Text: tt.goal, Due: day(due), Skills: []string{"outcome-focus"}}
		if got := goalStep(g, d, nil, "", false); got != tt.step {
			t.Errorf("%s:\n got %q\nwant %q", tt.goal, got, tt.step)
		}
		if got := goalShows(g, f, d); got != tt.shows {
			t.Errorf("%s shows:\n got %q\nwant %q", tt.goal, got, tt.shows)
		}
	}
	// The first way, for the goal whose own turn starts elsewhere.
	g := skills.Goal{Text: "Bring team engagement back to 72 in the February pulse survey", Due: day("2027-02-26")}
	if got, want := goalStepAt(g, d, nil, "", false, 1), "Name the one change you expect to move team engagement most by 26 February 2027, by how much, and the first sign you will see; bring the number to our next 1:1."; got != want {
		t.Errorf("way 1:\n got %q\nwant %q", got, want)
	}
}
