package plans

import (
	"fmt"
	"testing"
	"time"

	"github.com/coach-dev/coach/skills"
)

// benchTeam is n people like cmd/coach's benchmarks: every skill assessed,
// levels and roles in turn, a manager for every ten people, a pinned focus
// skill, a goal and a piece of evidence each.
func benchTeam(b testing.TB, m *skills.Matrix, n int) []*skills.Person {
	roles := m.RoleIDs()
	team := make([]*skills.Person, n)
	for i := range team {
		p := &skills.Person{ID: fmt.Sprintf("p%05d", i), Name: fmt.Sprintf("Person %05d", i), Role: roles[i%5],
			Focus:  []string{m.Skills[i%len(m.Skills)].ID},
			Levels: map[string]int{}, Self: map[string]int{m.Skills[(i+3)%len(m.Skills)].ID: 1 + i%5},
			Goals: []skills.Goal{{Text: fmt.Sprint("Goal ", i), Skills: []string{m.Skills[(i+1)%len(m.Skills)].ID},
				Due: time.Date(2027, 1, 31, 0, 0, 0, 0, time.UTC)}},
			Evidence: []skills.Evidence{{Date: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), Skill: m.Skills[i%len(m.Skills)].ID, Text: fmt.Sprint("Evidence ", i)}}}
		if i >= 10 {
			p.Manager = fmt.Sprintf("p%05d", i/10)
		}
		for j, s := range m.Skills {
			p.Levels[s.ID] = 1 + (i+j)%5
		}
		team[i] = p
	}
	return team
}

// BenchmarkIndexTeam is the team-wide work of every plan: each person's
// focus skills and the mentoring pairs of the whole team.
func BenchmarkIndexTeam(b *testing.B) {
	m, err := skills.DefaultMatrix()
	if err != nil {
		b.Fatal(err)
	}
	cfg := skills.DefaultConfig()
	for _, n := range []int{1000, 2000, 8000} {
		team := benchTeam(b, m, n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				IndexTeam(m, cfg, team)
			}
		})
	}
}

// BenchmarkBuild builds the plans of a team of 1,000 with a shared index,
// as `coach plan --all` does.
func BenchmarkBuild(b *testing.B) {
	m, err := skills.DefaultMatrix()
	if err != nil {
		b.Fatal(err)
	}
	cfg := skills.DefaultConfig()
	team := benchTeam(b, m, 1000)
	ix := IndexTeam(m, cfg, team)
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range team {
			if _, err := Build(Input{Matrix: m, Config: cfg, Person: p, Team: team, Index: ix}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkBuildTeam is the team view of 2,000 people under 200 managers,
// from their plans.
func BenchmarkBuildTeam(b *testing.B) {
	m, err := skills.DefaultMatrix()
	if err != nil {
		b.Fatal(err)
	}
	cfg := skills.DefaultConfig()
	team := benchTeam(b, m, 2000)
	ix := IndexTeam(m, cfg, team)
	byID := map[string]*Plan{}
	for _, p := range team {
		pl, err := Build(Input{Matrix: m, Config: cfg, Person: p, Team: team, Index: ix})
		if err != nil {
			b.Fatal(err)
		}
		byID[p.ID] = pl
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := BuildTeam(TeamInput{Matrix: m, Config: cfg, People: team, Plans: byID, Index: ix}); err != nil {
			b.Fatal(err)
		}
	}
}
