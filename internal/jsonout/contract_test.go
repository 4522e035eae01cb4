package jsonout

import (
	"bytes"
	"testing"
	"time"

	"github.com/coach-dev/coach/plans"
	"github.com/coach-dev/coach/skills"
	"github.com/google/go-cmp/cmp"
)

// historyJSON is the history's JSON built whole, the plain twin of
// WriteHistory: it groups changes by person, newest first as they come.
func historyJSON(changes []skills.Change, repo *skills.Repo, m *skills.Matrix) History {
	out := History{Version: Version, History: []PersonHistory{}}
	at := map[string]int{}
	for _, c := range changes {
		i, ok := at[c.Person]
		if !ok {
			name := c.Person
			if p, err := repo.Person(c.Person); err == nil && p.Name != "" {
				name = p.Name
			}
			i = len(out.History)
			at[c.Person] = i
			out.History = append(out.History, PersonHistory{Person: plans.PersonRef{ID: c.Person, Name: name}})
		}
		out.History[i].Changes = append(out.History[i].Changes, Change(c, m))
	}
	return out
}

// history --format json is written one person at a time; the bytes are
// those of the whole document encoded at once.
func TestHistoryJSONStreamed(t *testing.T) {
	m, err := skills.DefaultMatrix()
	if err != nil {
		t.Fatal(err)
	}
	repo := &skills.Repo{Matrix: m, People: []*skills.Person{{ID: "alice", Name: "Alice <A&B>"}}}
	when := time.Date(2026, 5, 12, 9, 30, 0, 0, time.FixedZone("", 2*3600))
	skill := m.Skills[0].ID
	changes := []skills.Change{
		{Person: "alice", Commit: "0123456789abcdef0123456789abcdef01234567", Date: when, Author: "Sam", Email: "s@example.com",
			Subject: "Alice's review", Kind: skills.KindLevel, Skill: skill, From: "2", To: "3"},
		{Person: "ben", Commit: "0123456789abcdef0123456789abcdef01234567", Date: when, Kind: skills.KindRole, From: "pm", To: "senior-pm"},
		{Person: "alice", Commit: "89abcdef0123456789abcdef0123456789abcdef", Date: when.Add(-time.Hour), Kind: skills.KindEvidence,
			Skill: skill, Text: "Ran the <pricing> review & wrote it up", On: time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)},
		{Person: "ben", Commit: "89abcdef0123456789abcdef0123456789abcdef", Date: when.Add(-time.Hour), Kind: skills.KindAdded},
	}
	for _, cs := range [][]skills.Change{changes, changes[:1], nil} {
		var want, got bytes.Buffer
		if err := Write(&want, historyJSON(cs, repo, m)); err != nil {
			t.Fatal(err)
		}
		if err := WriteHistory(&got, cs, repo, m); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want.String(), got.String()); diff != "" {
			t.Errorf("%d changes (-at once +streamed):\n%s", len(cs), diff)
		}
	}
}
