package skills

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// ParsePerson (lenient, for history) and DecodePerson (strict) must read a
// valid file the same way.
func TestParsePersonMatchesDecodePerson(t *testing.T) {
	m := defaultMatrix(t)
	files, _ := filepath.Glob("../repo-example/skills/*.toml")
	hist, _ := filepath.Glob("../repo-example/history/*-*.toml")
	for _, f := range append(files, hist...) {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		path := "skills/" + filepath.Base(f)
		strict, problems := DecodePerson(path, src, m)
		if problems.Errors() > 0 {
			t.Fatalf("%s: %v", f, problems)
		}
		lenient, err := ParsePerson(path, src)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		// PlainNotes is the history's alone: check reads the notes itself.
		if diff := cmp.Diff(strict, lenient, cmpopts.IgnoreFields(Person{}, "PlainNotes")); diff != "" {
			t.Errorf("%s (-strict +lenient):\n%s", f, diff)
		}
	}
}

func TestParsePersonIsLenient(t *testing.T) {
	src := "name = \"A\"\nrole = 3\n[levels]\nold-skill = 4\nbad = \"2\"\n[[goal]]\ntext = \"g\"\ndue = \"soon\"\n"
	p, err := ParsePerson("skills/a.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := &Person{ID: "a", Path: "skills/a.toml", Name: "A", Levels: map[string]int{"old-skill": 4}, Self: map[string]int{},
		Goals: []Goal{{Text: "g"}}}
	if diff := cmp.Diff(want, p); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if _, err := ParsePerson("skills/a.toml", []byte("name = \"x\n")); err == nil {
		t.Error("broken TOML parsed")
	}
}

func TestDiff(t *testing.T) {
	old := &Person{ID: "a", Role: "pm", Levels: map[string]int{"negotiation": 2, "coaching": 3}, Self: map[string]int{},
		Evidence: []Evidence{{Skill: "coaching", Text: "x"}}}
	cur := &Person{ID: "a", Role: "senior-pm", Target: "gpm", Levels: map[string]int{"negotiation": 3, "hiring": 1},
		Self:     map[string]int{"negotiation": 4},
		Evidence: []Evidence{{Skill: "coaching", Text: "x"}, {Skill: "negotiation", Text: "y"}},
		Goals:    []Goal{{Text: "g", Skills: []string{"hiring"}}, {Text: "two", Skills: []string{"negotiation", "coaching"}}, {Text: "none"}}}
	want := []Change{
		{Person: "a", Kind: KindRole, From: "pm", To: "senior-pm"},
		{Person: "a", Kind: KindTarget, To: "gpm"},
		{Person: "a", Kind: KindLevel, Skill: "coaching", From: "3"},
		{Person: "a", Kind: KindLevel, Skill: "hiring", To: "1"},
		{Person: "a", Kind: KindLevel, Skill: "negotiation", From: "2", To: "3"},
		{Person: "a", Kind: KindSelf, Skill: "negotiation", To: "4"},
		{Person: "a", Kind: KindEvidence, Skill: "negotiation", Text: "y"},
		{Person: "a", Kind: KindGoal, Skill: "hiring", Skills: []string{"hiring"}, Text: "g"},
		// A goal is about every skill it names (issue 22: history
		// credited only the first).
		{Person: "a", Kind: KindGoal, Skill: "negotiation", Skills: []string{"negotiation", "coaching"}, Text: "two"},
		{Person: "a", Kind: KindGoal, Text: "none"},
	}
	if diff := cmp.Diff(want, Diff(old, cur)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if got := Diff(cur, cur); len(got) != 0 {
		t.Errorf("no change gave %v", got)
	}
}

// A change is written for scripts: levels as numbers, null when not
// assessed or empty, dates to the second, On as a date alone, and text
// escaped as encoding/json escapes it.
func TestChangeJSON(t *testing.T) {
	day := time.Date(2026, 11, 10, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		change Change
		want   string
	}{
		{"a level raised, with its commit",
			Change{Person: "alice", Commit: "abc", Date: time.Date(2026, 11, 10, 19, 20, 0, 0, time.FixedZone("", 3600)), Author: "A <x> & \"y\"",
				Email: "a@example.com", Subject: "tab\there\nline \u2028 \x01 é \xff", Kind: KindLevel, Skill: "negotiation", From: "2", To: "3"},
			`{"person":"alice","commit":"abc","date":"2026-11-10T19:20:00+01:00","author":"A \u003cx\u003e \u0026 \"y\"","email":"a@example.com","subject":"tab\there\nline \u2028 \u0001 é \ufffd","kind":"level","skill":"negotiation","from":2,"to":3}`},
		{"a self level first assessed", Change{Person: "alice", Date: day, Kind: KindSelf, Skill: "coaching", To: "4"},
			`{"person":"alice","date":"2026-11-10T00:00:00Z","kind":"self","skill":"coaching","from":null,"to":4}`},
		{"a level dropped", Change{Person: "alice", Date: day, Kind: KindLevel, Skill: "coaching", From: "3", To: "0"},
			`{"person":"alice","date":"2026-11-10T00:00:00Z","kind":"level","skill":"coaching","from":3,"to":null}`},
		{"a promotion", Change{Person: "ben", Date: day, Kind: KindRole, From: "apm", To: "pm"},
			`{"person":"ben","date":"2026-11-10T00:00:00Z","kind":"role","from":"apm","to":"pm"}`},
		{"a role of digits stays a string", Change{Person: "ben", Date: day, Kind: KindRole, From: "1", To: "2"},
			`{"person":"ben","date":"2026-11-10T00:00:00Z","kind":"role","from":"1","to":"2"}`},
		{"evidence", Change{Person: "ben", Date: day, Kind: KindEvidence, Skill: "hiring", Text: "Ran the loop", On: day},
			`{"person":"ben","date":"2026-11-10T00:00:00Z","kind":"evidence","skill":"hiring","from":null,"to":null,"text":"Ran the loop","on":"2026-11-10"}`},
		{"a goal of two skills", Change{Person: "ben", Date: day, Kind: KindGoal, Skill: "hiring", Skills: []string{"hiring", "coaching"}, Text: "Hire two PMs", On: day},
			`{"person":"ben","date":"2026-11-10T00:00:00Z","kind":"goal","skill":"hiring","skills":["hiring","coaching"],"from":null,"to":null,"text":"Hire two PMs","on":"2026-11-10"}`},
		{"notes", Change{Person: "ben", Date: day, Kind: KindNotes},
			`{"person":"ben","date":"2026-11-10T00:00:00Z","kind":"notes","from":null,"to":null}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := json.Marshal(tt.change)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, string(got)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
