package plans_test

import (
	"fmt"

	"github.com/coach-dev/coach/plans"
	"github.com/coach-dev/coach/skills"
)

// A plan is computed from values: the matrix, the person and their team.
// Nothing is read from disk and no clock is consulted.
func ExampleBuild() {
	m, _ := skills.DefaultMatrix()
	alice := &skills.Person{
		ID: "alice", Path: "skills/alice.toml", Name: "Alice", Role: "senior-pm",
		Focus: []string{"negotiation"},
		Levels: map[string]int{
			"negotiation": 2, "coaching": 2, "career-development": 2, "communication": 3,
		},
	}
	pl, _ := plans.Build(plans.Input{Matrix: m, Config: skills.DefaultConfig(), Person: alice, Team: []*skills.Person{alice}})
	fmt.Printf("%s -> %s: %d of %d skills at the bar, %d to assess\n",
		pl.Role.Name, pl.Target.Name, pl.Readiness.Met, pl.Readiness.Total, len(pl.AssessFirst))
	for _, f := range pl.Focus {
		fmt.Printf("%s: %d %s -> %d %s\n", f.Name, f.Level.Value, f.Level.Name, f.Next.Value, f.Next.Name)
	}
	// Output:
	// Senior Product Manager -> Group Product Manager: 0 of 24 skills at the bar, 20 to assess
	// Negotiation and trade-offs: 2 Practising -> 3 Proficient
	// Coaching and mentoring: 2 Practising -> 3 Proficient
	// Development plans and levelling: 2 Practising -> 3 Proficient
}

func ExampleStandingOf() {
	fmt.Println(plans.StandingOf(2, 3), plans.StandingOf(3, 3), plans.StandingOf(4, 3), plans.StandingOf(0, 3))
	// Output: below meets exceeds not assessed
}
