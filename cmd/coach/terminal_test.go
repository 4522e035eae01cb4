package main

import (
	"bytes"
	"encoding/json"
	"github.com/coach-dev/coach/internal/jsonout"
	"testing"

	"github.com/coach-dev/coach/skills"
	"github.com/google/go-cmp/cmp"
)

// TestStderrShowsControlCharacters: everything written to stderr has its
// control characters escaped, and a character that one write cuts in two
// reaches the terminal whole.
func TestStderrShowsControlCharacters(t *testing.T) {
	for _, tc := range []struct {
		name   string
		writes []string
		want   string
	}{
		{"a message naming a file", []string{"coach: wrote plans/\x1b]0;x\x07.md\n"}, `coach: wrote plans/\x1b]0;x\x07.md` + "\n"},
		{"a character cut in two", []string{"Élo\xc3", "\xa9die \xe2\x80", "\xae\n"}, "Éloédie \\u202e\n"},
		{"the end of a write that is not UTF-8", []string{"a\xff", "b\n"}, `a\xffb` + "\n"},
		{"a last line without a newline", []string{"done \xe2\x80"}, `done \xe2\x80`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			r := newReport(&buf)
			for _, w := range tc.writes {
				n, err := r.Write([]byte(w))
				if err != nil || n != len(w) {
					t.Fatalf("Write(%q) = %d, %v", w, n, err)
				}
			}
			r.Flush()
			if diff := cmp.Diff(tc.want, buf.String()); diff != "" {
				t.Errorf("stderr (-want +got):\n%s", diff)
			}
		})
	}
}

// TestReportLevels: each level has its prefix, --quiet keeps errors alone
// (and findings that are errors), and what is kept is escaped.
func TestReportLevels(t *testing.T) {
	say := func(r *report) {
		r.Wrotef("wrote %s", "plans/alice.md")
		r.Wrotef("%s is up to date", "plans/ben.md")
		r.Notef("no skill files in skills/ yet")
		r.Warnf("%s is not UTF-8 text", "agendas/x.md")
		r.Problem(skills.Problem{Path: "skills/alice.toml", Line: 3, Col: 1, Severity: skills.Warning, Message: "not assessed"})
		r.Problem(skills.Problem{Path: "skills/ben.toml", Line: 2, Col: 8, Severity: skills.Error, Message: "unknown role"})
		r.Errorf("bad \x1b[31m")
	}
	tests := []struct {
		name  string
		quiet bool
		want  string
	}{
		{"every level", false, "coach: wrote plans/alice.md\n" +
			"coach: plans/ben.md is up to date\n" +
			"coach: note: no skill files in skills/ yet\n" +
			"coach: warning: agendas/x.md is not UTF-8 text\n" +
			"skills/alice.toml:3:1: warning: not assessed\n" +
			"skills/ben.toml:2:8: unknown role\n" +
			`coach: bad \x1b[31m` + "\n"},
		{"quiet", true, "skills/ben.toml:2:8: unknown role\n" + `coach: bad \x1b[31m` + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			r := newReport(&buf)
			r.quiet = tt.quiet
			say(r)
			r.Flush()
			if diff := cmp.Diff(tt.want, buf.String()); diff != "" {
				t.Errorf("stderr (-want +got):\n%s", diff)
			}
		})
	}
}

// TestJSONShowsControlCharacters: JSON keeps its meaning, and spells the
// control characters encoding/json leaves raw as \u escapes.
func TestJSONShowsControlCharacters(t *testing.T) {
	v := map[string]string{"name": "Al\x1bice \u009b\u202e\x7f é"}
	var buf bytes.Buffer
	if err := jsonout.Write(&buf, v); err != nil {
		t.Fatal(err)
	}
	want := "{\n  \"name\": \"Al\\u001bice \\u009b\\u202e\\u007f é\"\n}\n"
	if diff := cmp.Diff(want, buf.String()); diff != "" {
		t.Errorf("JSON (-want +got):\n%s", diff)
	}
	var back map[string]string
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil || back["name"] != v["name"] {
		t.Errorf("the JSON reads back as %q (%v), want %q", back["name"], err, v["name"])
	}
}
