package skills

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
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

// WriteChangesJSON is hand-written for speed; it must give exactly what
// encoding/json gives for the same values.
func TestWriteChangesJSONMatchesEncodingJSON(t *testing.T) {
	day := time.Date(2026, 11, 10, 0, 0, 0, 0, time.UTC)
	changes := []Change{
		{Person: "alice", Commit: "abc", Date: time.Date(2026, 11, 10, 19, 20, 0, 0, time.FixedZone("", 3600)), Author: "A <x> & \"y\"",
			Email: "a@example.com", Subject: "tab\there\nline \u2028 \x01 é \xff", Kind: KindLevel, Skill: "negotiation", From: "2", To: "3"},
		{Person: "alice", Date: day, Kind: KindSelf, Skill: "coaching", To: "4"},
		{Person: "ben", Date: day, Kind: KindRole, From: "apm", To: "pm"},
		{Person: "ben", Date: day, Kind: KindEvidence, Skill: "hiring", Text: "Ran the loop", On: day},
		{Person: "ben", Date: day, Kind: KindGoal, Skill: "hiring", Skills: []string{"hiring", "coaching"}, Text: "Hire two PMs", On: day},
		{Person: "ben", Date: day, Kind: KindGoal, Skill: "hiring", Skills: []string{"hiring"}, Text: "Hire one <PM>"},
	}
	var got bytes.Buffer
	if err := WriteChangesJSON(&got, changes); err != nil {
		t.Fatal(err)
	}
	type plain struct {
		Person  string   `json:"person"`
		Commit  string   `json:"commit,omitempty"`
		Date    string   `json:"date"`
		Author  string   `json:"author,omitempty"`
		Email   string   `json:"email,omitempty"`
		Subject string   `json:"subject,omitempty"`
		Kind    Kind     `json:"kind"`
		Skill   string   `json:"skill,omitempty"`
		Skills  []string `json:"skills,omitempty"`
		From    any      `json:"from"`
		To      any      `json:"to"`
		Text    string   `json:"text,omitempty"`
		On      string   `json:"on,omitempty"`
	}
	var ref []plain
	for _, c := range changes {
		p := plain{Person: c.Person, Commit: c.Commit, Date: c.Date.Format(time.RFC3339), Author: c.Author, Email: c.Email,
			Subject: c.Subject, Kind: c.Kind, Skill: c.Skill, Skills: c.Skills, Text: c.Text}
		if !c.On.IsZero() {
			p.On = c.On.Format(time.DateOnly)
		}
		conv := func(s string) any {
			if s == "" {
				return nil
			}
			if c.Kind == KindLevel || c.Kind == KindSelf {
				n, _ := strconv.Atoi(s)
				return n
			}
			return s
		}
		p.From, p.To = conv(c.From), conv(c.To)
		ref = append(ref, p)
	}
	want, err := json.MarshalIndent(ref, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want)+"\n", got.String()); diff != "" {
		t.Errorf("(-encoding/json +WriteChangesJSON):\n%s", diff)
	}
	var empty bytes.Buffer
	WriteChangesJSON(&empty, nil)
	if empty.String() != "[]\n" {
		t.Errorf("empty: %q", empty.String())
	}
}
