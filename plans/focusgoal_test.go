package plans

import (
	"slices"
	"strings"
	"testing"

	"github.com/coach-dev/coach/skills"
)

// TestGoalSkillWithNoLevelIsTheFocus: when a goal's skill has no level, the
// focus follows that skill, to assess first, rather than falling to a skill
// of the same goal already at the bar; the 90-day milestone names no level
// to reach in it; and a mentor is proposed only for a focus skill below the
// level being reached, never for one at the bar or with no level.
func TestGoalSkillWithNoLevelIsTheFocus(t *testing.T) {
	m := matrix(t)
	ivo := &skills.Person{ID: "ivo", Name: "Ivo Lind", Role: "apm", Manager: "lee", Assessed: day("2026-11-10"), Joined: day("2026-03-02"),
		Levels: map[string]int{"communication": 2, "customer-insight": 2, "execution-delivery": 2},
		Goals:  []skills.Goal{{Text: "Run the checkout usability tests with Design", Skills: []string{"ux-discovery", "customer-insight"}, Due: day("2026-12-11")}}}
	lee := &skills.Person{ID: "lee", Name: "Lee Park", Role: "gpm", Levels: atBar(m, "gpm")}
	// Holds both skills well above the bar, with room to mentor.
	rae := &skills.Person{ID: "rae", Name: "Rae Oduya", Role: "senior-pm", Manager: "lee", Assessed: day("2026-11-01"),
		Levels:   with(atBar(m, "senior-pm"), map[string]int{"ux-discovery": 5, "customer-insight": 5}),
		Evidence: []skills.Evidence{{Date: day("2026-10-14"), Skill: "ux-discovery", Text: "Tested three checkout layouts with eight customers before design started"}}}
	pl := buildWith(t, ivo, nil, lee, rae)
	if len(pl.Focus) == 0 || pl.Focus[0].ID != "ux-discovery" {
		t.Fatalf("focus %+v, want Product discovery and UX first", pl.Focus)
	}
	if slices.ContainsFunc(pl.Focus, func(f Focus) bool { return f.ID == "customer-insight" }) {
		t.Errorf("a skill at the bar, whose goal a skill with no level carries, is a focus: %+v", pl.Focus)
	}
	want := `your goal "Run the checkout usability tests with Design" needs product discovery and UX, which has no level yet: assess it together first, and the goal will show where you stand`
	if got := pl.Focus[0].Reasons; len(got) == 0 || got[0] != want {
		t.Errorf("reasons %q, want first %q", got, want)
	}
	if len(pl.Mentors) != 0 {
		t.Errorf("mentors %+v, want none: the focus skill has no level yet", pl.Mentors)
	}
	for _, ms := range pl.Milestones {
		if strings.Contains(ms.Text, "Product discovery and UX at") {
			t.Errorf("a milestone sets a level to reach in a skill with no level: %q", ms.Text)
		}
	}

	// Assessed below the bar, the same skill is a step to mentor.
	ivo.Levels["ux-discovery"] = 1
	pl = buildWith(t, ivo, nil, lee, rae)
	var got []string
	for _, l := range pl.Mentors {
		got = append(got, l.Skill.ID+": "+l.Person.Name)
	}
	if want := []string{"ux-discovery: Rae Oduya"}; !slices.Equal(got, want) {
		t.Errorf("mentors = %q, want %q", got, want)
	}
}

// TestCounterpartAskedInPlainWords: a goal that names its counterpart has
// them asked about the goal's own outcome in plain words, and quotes the
// rubric only when the rubric names their function; a milestone drops a
// span that would count from another day than its own.
func TestCounterpartAskedInPlainWords(t *testing.T) {
	m := matrix(t)
	lee := &skills.Person{ID: "lee", Name: "Lee Park", Role: "gpm", Levels: atBar(m, "gpm")}
	evidence := func(goal string) string {
		p := &skills.Person{ID: "bo", Name: "Bo Reyes", Role: "pm", Target: "senior-pm", Manager: "lee", Assessed: day("2026-11-18"),
			Levels: with(atBar(m, "senior-pm"), map[string]int{"negotiation": 2}),
			Goals:  []skills.Goal{{Text: goal, Skills: []string{"negotiation"}, Due: day("2027-01-31")}}}
		pl := buildWith(t, p, nil, lee)
		for _, f := range pl.Focus {
			if f.ID == "negotiation" && len(f.Actions) > 0 {
				return f.Actions[0].Evidence
			}
		}
		t.Fatalf("no negotiation focus for %q: %+v", goal, pl.Focus)
		return ""
	}
	tests := []struct{ goal, want string }{
		{"Lead the renewal-flow scope conversation with Customer Success",
			"Customer Success, asked after the goal is done by 2027-01-31, what the renewal-flow scope conversation changed for them, and what you did to bring it about."},
		{"Agree the Q1 launch scope with Sales",
			`Sales, asked after the goal is done by 2027-01-31, describing what you did in terms like these: "agrees scope with sales or marketing without escalation".`},
		{"Hand the pricing review to Ada",
			"Ada, asked after the goal is done by 2027-01-31, whether the pricing review is now theirs to run, and where you still stepped in."},
	}
	for _, tt := range tests {
		if got := evidence(tt.goal); got != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.goal, got, tt.want)
		}
	}
	if got, want := reachable("Within a month, the people who work with you telling you, unasked, what has changed.", 60),
		"The people who work with you telling you, unasked, what has changed."; got != want {
		t.Errorf("reachable = %q, want %q", got, want)
	}
}
