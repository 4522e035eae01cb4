package plans

import (
	"slices"
	"testing"

	"github.com/coach-dev/coach/skills"
)

// TestCR20TeamViewCountsAsThePlan: the team view reads each level as the
// person's own plan counts it. Three levels raised in one commit with no
// example written down show in the heatmap at the level before, with the
// level set beside it, and do not fill a skill gap of the team; the
// manager's ratings are as set (VP cold read 20, finding 3). The people
// are made up: the rule reads the files.
func TestCR20TeamViewCountsAsThePlan(t *testing.T) {
	m := matrix(t)
	cfg := skills.DefaultConfig()
	first := atBar(m, "pm")
	var three []string
	for _, s := range m.Skills {
		if s.Expect["gpm"] > s.Expect["pm"] && len(three) < 3 {
			three = append(three, s.ID)
		}
	}
	raised := with(first, nil)
	for _, id := range three {
		raised[id] = m.Skill(id).Expect["gpm"]
	}
	h := commitOf("c1", "2026-05-12", "Rosa Lind", "First assessments", nil, first)
	h = append(h, commitOf("c2", "2026-11-10", "Rosa Lind", "Notes from the 1:1s", first, raised)...)
	history := map[string][]skills.Change{"jo": person(h, "jo")}
	jo := &skills.Person{ID: "jo", Name: "Jo Brandt", Role: "pm", Manager: "rosa", Levels: raised,
		Assessed: day("2026-11-17"), PlanStart: day("2026-06-01"), Path: "skills/jo.toml"}
	rosa := &skills.Person{ID: "rosa", Name: "Rosa Lind", Role: "gpm", Levels: with(atBar(m, "gpm"), map[string]int{three[0]: m.Skill(three[0]).Expect["gpm"] - 1}),
		Assessed: day("2026-11-17"), Path: "skills/rosa.toml"}
	_, team := teamOf(t, cfg, []*skills.Person{jo, rosa}, history)
	for _, c := range team.Cells() {
		if c.Person != "jo" || !slices.Contains(three, c.Skill) {
			continue
		}
		if c.Level != first[c.Skill] || c.Set != raised[c.Skill] || c.Standing != Meets {
			t.Errorf("%s: cell %+v, want level %d as counted, set %d, meets", c.Skill, c, first[c.Skill], raised[c.Skill])
		}
	}
	if !team.Unbacked() {
		t.Errorf("the legend does not say why a level counts below the one set")
	}
	if !slices.ContainsFunc(team.Hiring.SkillGaps, func(g SkillGapTeam) bool { return g.Skill.ID == three[0] }) {
		t.Errorf("skill gaps %+v: %s is held at the bar only on a level raised with no example", team.Hiring.SkillGaps, three[0])
	}
}
