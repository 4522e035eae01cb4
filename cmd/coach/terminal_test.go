package main

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestStderrShowsControlCharacters: everything written to stderr has its
// control characters escaped, and a character that one write cuts in two
// reaches the terminal whole.
func TestStderrShowsControlCharacters(t *testing.T) {
	for _, tc := range []struct {
		name   string
		writes []string
		quiet  bool
		want   string
	}{
		{"a message naming a file", []string{"coach: wrote plans/\x1b]0;x\x07.md\n"}, false, `coach: wrote plans/\x1b]0;x\x07.md` + "\n"},
		{"a character cut in two", []string{"Élo\xc3", "\xa9die \xe2\x80", "\xae\n"}, false, "Éloédie \\u202e\n"},
		{"the end of a write that is not UTF-8", []string{"a\xff", "b\n"}, false, `a\xffb` + "\n"},
		{"quiet keeps errors, escaped", []string{"coach: wrote x\n", "coach: bad \x1b[31m\n"}, true, `coach: bad \x1b[31m` + "\n"},
		{"a last line without a newline", []string{"done \xe2\x80"}, false, `done \xe2\x80`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			q := &quietWriter{w: &buf, quiet: tc.quiet}
			for _, w := range tc.writes {
				n, err := q.Write([]byte(w))
				if err != nil || n != len(w) {
					t.Fatalf("Write(%q) = %d, %v", w, n, err)
				}
			}
			q.Flush()
			if diff := cmp.Diff(tc.want, buf.String()); diff != "" {
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
	if err := writeJSON(&buf, v); err != nil {
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
