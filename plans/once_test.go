package plans

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Cold read 9, finding 5: a goal's full text twice in a plan, where it is
// first named and in the Goals section; elsewhere its first words.
func TestOnceInFull(t *testing.T) {
	pl := &Plan{Goals: []GoalItem{
		{Text: "Agree the partner pricing model with Finance and Sales", Due: "2027-01-15"},
		{Text: "Ship the importer", Due: "2027-02-01"},
	}}
	body := `- Skill: "Agree the partner pricing model with Finance and Sales" done by 2027-01-15.

- Day 30 (2026-12-10): "Agree the partner pricing model with Finance and Sales" done; "Ship the importer" started.
- Backing for "Agree the partner pricing model with Finance and Sales" (due 2027-01-15) and "Ship the importer".

1. Agree the partner pricing model with Finance and Sales, by 2027-01-15.

## Goals

- Due 2027-01-15: Agree the partner pricing model with Finance and Sales (Negotiation)
- Due 2027-02-01: Ship the importer (Execution)

## Progress

- 1 goal added: Agree the partner pricing model with Finance and Sales
`
	want := `- Skill: "Agree the partner pricing model with Finance and Sales" done by 2027-01-15.

- Day 30 (2026-12-10): "Agree the partner pricing model…" done; "Ship the importer" started.
- Backing for "Agree the partner pricing model…" (due 2027-01-15) and "Ship the importer".

1. Your goal "Agree the partner pricing model…", by 2027-01-15.

## Goals

- Due 2027-01-15: Agree the partner pricing model with Finance and Sales (Negotiation)
- Due 2027-02-01: Ship the importer (Execution)

## Progress

- 1 goal added: Agree the partner pricing model…
`
	if diff := cmp.Diff(want, string(pl.OnceInFull([]byte(body)))); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestShortGoal: the short form keeps five words, runs on past a small word
// it would end on, and is the whole text when little would be cut.
func TestShortGoal(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Write the two-page strategy for the checkout area and use it in Q1 planning", "Write the two-page strategy for the checkout…"},
		{"Lead the renewal-flow scope conversation with Customer Success", "Lead the renewal-flow scope conversation…"},
		{"Hire a second PM for the disputes team", "Hire a second PM for the disputes team"},
		{"Mentor Sam Patel through his first launch and the review after it", "Mentor Sam Patel through his first…"},
		{"Ship it", "Ship it"},
	} {
		if got := ShortGoal(tc.in); got != tc.want {
			t.Errorf("ShortGoal(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
