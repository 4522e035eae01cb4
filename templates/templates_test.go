package templates

import (
	"bytes"
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

// tidySplit is tidy as it was first written, by bytes.Split: tidy must
// give the same bytes for every text.
func tidySplit(b []byte) []byte {
	out := make([]byte, 0, len(b))
	blank := true
	for _, l := range bytes.Split(b, []byte("\n")) {
		l = bytes.TrimRight(l, " \t")
		if len(l) == 0 {
			if !blank {
				out = append(out, '\n')
			}
			blank = true
			continue
		}
		blank = false
		out = append(out, l...)
		out = append(out, '\n')
	}
	return append(bytes.TrimRight(out, "\n"), '\n')
}

// TestTidyMatchesSplit compares tidy with tidySplit on every text of up to
// seven bytes made of a letter, a space, a tab and a newline.
func TestTidyMatchesSplit(t *testing.T) {
	const alphabet = "a \t\n"
	var texts func(prefix []byte, n int)
	texts = func(prefix []byte, n int) {
		if got, want := tidy(bytes.Clone(prefix)), tidySplit(prefix); !bytes.Equal(got, want) {
			t.Fatalf("tidy(%q) = %q, want %q", prefix, got, want)
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
