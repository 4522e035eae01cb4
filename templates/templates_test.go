package templates

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/coach-dev/coach/plans"
	"github.com/coach-dev/coach/skills"
	"github.com/google/go-cmp/cmp"
)

// tidy's rules, one a row: trailing blanks go, blank lines at the start and
// the end go, a run of blank lines becomes one, and the text ends in one
// newline.
func TestTidy(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"empty", "", "\n"},
		{"only blanks", " \t\n\n \n", "\n"},
		{"a newline is added", "a\nb", "a\nb\n"},
		{"one final newline is kept", "a\n", "a\n"},
		{"final blank lines go", "a\n\n\n", "a\n"},
		{"leading blank lines go", "\n\n \na", "a\n"},
		{"trailing spaces and tabs go", "a \t\nb\t \n", "a\nb\n"},
		{"leading spaces stay", "  a\n\tb\n", "  a\n\tb\n"},
		{"a line of blanks is a blank line", "a\n \t \nb\n", "a\n\nb\n"},
		{"a run of blank lines becomes one", "a\n\n\n \n\nb", "a\n\nb\n"},
		{"one blank line stays", "a\n\nb\n", "a\n\nb\n"},
		{"blanks inside a line stay", "a \t b\n", "a \t b\n"},
		{"a carriage return is not a blank", "a\r\n", "a\r\n"},
		{"all at once", "\n\n# Title\n\n\n\ntext  \n\n", "# Title\n\ntext\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, string(tidy([]byte(tt.in)))); diff != "" {
				t.Errorf("tidy(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

// On every text of up to seven bytes made of a letter, a space, a tab and
// a newline, tidy's output keeps the rules: it ends in one newline, has no
// line with trailing blanks and no two blank lines in a row, keeps the
// letters, and is its own tidy form.
func TestTidyKeepsItsRules(t *testing.T) {
	const alphabet = "a \t\n"
	var texts func(prefix []byte, n int)
	texts = func(prefix []byte, n int) {
		got := tidy(bytes.Clone(prefix))
		switch {
		case !bytes.HasSuffix(got, []byte("\n")) || len(got) > 1 && bytes.HasSuffix(got, []byte("\n\n")):
			t.Fatalf("tidy(%q) = %q: not one final newline", prefix, got)
		case bytes.Contains(got, []byte(" \n")) || bytes.Contains(got, []byte("\t\n")):
			t.Fatalf("tidy(%q) = %q: trailing blanks", prefix, got)
		case bytes.Contains(got, []byte("\n\n\n")) || len(got) > 1 && got[0] == '\n':
			t.Fatalf("tidy(%q) = %q: a run of blank lines", prefix, got)
		case bytes.Count(got, []byte("a")) != bytes.Count(prefix, []byte("a")):
			t.Fatalf("tidy(%q) = %q: letters lost", prefix, got)
		case !bytes.Equal(tidy(bytes.Clone(got)), got):
			t.Fatalf("tidy(%q) = %q, not tidy itself", prefix, got)
		}
		if n == 0 {
			return
		}
		for i := range len(alphabet) {
			texts(append(prefix, alphabet[i]), n-1)
		}
	}
	texts(nil, 7)
}

func TestOverrides(t *testing.T) {
	repo := fstest.MapFS{
		"plan.md.tmpl":   {Data: []byte("own plan for {{.}}\n{{template \"extra\" .}}")},
		"blocks.tmpl":    {Data: []byte(`{{define "extra"}}extra block{{end}}`)},
		"notes.txt":      {Data: []byte("not a template")},
		"broken.md.tmpl": {Data: []byte("{{if}}")},
	}
	_, err := Load(repo)
	var pe *skills.ProblemsError
	if !errors.As(err, &pe) {
		t.Fatalf("broken template: got %v, want a ProblemsError", err)
	}
	if diff := cmp.Diff("templates/broken.md.tmpl:1: template error: missing value for if; fix the template, or delete it to use the built-in one",
		pe.Problems[0].String()); diff != "" {
		t.Error(diff)
	}
	delete(repo, "broken.md.tmpl")
	s, err := Load(repo)
	if err != nil {
		t.Fatal(err)
	}
	out, err := s.Render("plan.md.tmpl", "alice")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff("own plan for alice\nextra block\n", string(out)); diff != "" {
		t.Error(diff)
	}
	if _, err := s.Render("nosuch.tmpl", nil); err == nil {
		t.Error("rendering an unknown template succeeded")
	}
}

// The pull-request comment says when a change brings a person to the bar
// of their target on every skill, or takes them off it (issue 24: the
// readiness that changed), not only the counts.
func TestDiffReadinessLine(t *testing.T) {
	s, err := Load(fstest.MapFS{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		before, after int
		want          string
	}{
		{23, 24, "Readiness for Senior Product Manager: 23 -> **24** of 24 skills at the bar: at the bar on every skill now."},
		{24, 23, "Readiness for Senior Product Manager: 24 -> **23** of 24 skills at the bar: no longer at the bar on every skill."},
		{20, 22, "Readiness for Senior Product Manager: 20 -> **22** of 24 skills at the bar."},
		{24, 24, "Readiness for Senior Product Manager: 24 of 24 skills at the bar."},
	} {
		r := &plans.Review{Base: "main", Head: "HEAD", People: []plans.PersonReview{{ID: "ana", Name: "Ana", Path: "skills/ana.toml", Status: "changed",
			Readiness: &plans.ReadinessMove{Role: plans.RoleRef{ID: "senior-pm", Name: "Senior Product Manager"}, Before: tc.before, After: tc.after, Total: 24}}}}
		out, err := s.Render("diff.md.tmpl", r)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(out), "\n"+tc.want+"\n") {
			t.Errorf("%d -> %d: no line %q in\n%s", tc.before, tc.after, tc.want, out)
		}
	}
}
