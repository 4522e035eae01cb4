package templates

import (
	"errors"
	"testing"
	"testing/fstest"

	"github.com/coach-dev/coach/skills"
	"github.com/google/go-cmp/cmp"
)

func TestTidy(t *testing.T) {
	tests := []struct{ in, want string }{
		{"\n\n# Title\n\n\n\ntext  \n\n", "# Title\n\ntext\n"},
		{"a\nb", "a\nb\n"},
		{"", "\n"},
	}
	for _, tt := range tests {
		if got := string(tidy([]byte(tt.in))); got != tt.want {
			t.Errorf("tidy(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
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
