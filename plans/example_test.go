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

// The verdict reads the plan: a senior PM at their own bar everywhere, far
// from a Group PM's, is not ready yet, and is told so in words.
func ExampleVerdictOf() {
	m, _ := skills.DefaultMatrix()
	levels := map[string]int{}
	for _, s := range m.Skills {
		levels[s.ID] = s.Expect["senior-pm"]
	}
	pat := &skills.Person{ID: "pat", Path: "skills/pat.toml", Name: "Pat", Role: "senior-pm", Levels: levels}
	pl, _ := plans.Build(plans.Input{Matrix: m, Config: skills.DefaultConfig(), Person: pat, Team: []*skills.Person{pat}})
	v := plans.VerdictOf(pl)
	fmt.Printf("%s - %s\n%s\n", v.Kind, v.Text, v.Why)
	// Output:
	// not-yet - not yet
	// no cause for worry: you are solid as a Senior Product Manager, with the Group Product Manager bar still ahead on most skills, as it is for anyone a role away. With steady progress, realistically 18-24 months
}

// An earlier agenda, as written in during its 1:1, is what the next one
// remembers: its action items, the PM's topics, and the idea to try.
func ExampleReadAgenda() {
	w, _ := plans.ParseWeek("2026-W47")
	prev := plans.ReadAgenda(w, []byte(`## Your topics

- [ ] Whether to take the pricing council seat

## Focus of the week

- Try this week: Offer two options, not one.

## Action items

- [x] Send the scope memo
- [ ] Draft the negotiation prep page
- [ ]
`))
	fmt.Println(prev.TryThis)
	for _, it := range prev.Topics {
		fmt.Println("topic:", it.Text, it.Done)
	}
	for _, it := range prev.Items {
		fmt.Println("item:", it.Text, it.Done)
	}
	// Output:
	// Offer two options, not one.
	// topic: Whether to take the pricing council seat false
	// item: Send the scope memo true
	// item: Draft the negotiation prep page false
}
