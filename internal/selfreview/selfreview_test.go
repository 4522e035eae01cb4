package selfreview

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestPeriod(t *testing.T) {
	p, err := ParsePeriod("2026-Q4")
	if err != nil || p != (Period{2026, 4}) || p.String() != "2026-Q4" {
		t.Fatalf("ParsePeriod: %v, %v", p, err)
	}
	if got := PeriodOf(time.Date(2026, 9, 30, 0, 0, 0, 0, time.UTC)); got != (Period{2026, 3}) {
		t.Errorf("PeriodOf(30 September) = %v", got)
	}
	if s, e := p.Start().Format(time.DateOnly), p.End().Format(time.DateOnly); s != "2026-10-01" || e != "2026-12-31" {
		t.Errorf("2026-Q4 runs %s to %s", s, e)
	}
	for _, bad := range []string{"2026-Q5", "2026Q4", "Q4", ""} {
		if _, err := ParsePeriod(bad); err == nil {
			t.Errorf("ParsePeriod(%q) took it", bad)
		}
	}
}

// Read gives the sections as the person wrote them, without the form's
// prompts; no file is no review.
func TestRead(t *testing.T) {
	root := t.TempDir()
	p := Period{2026, 3}
	if r, err := Read(root, "alice", p); r != nil || err != nil {
		t.Fatalf("no file: %v, %v", r, err)
	}
	file := filepath.Join(root, "self", "2026-Q3", "alice.md")
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	src := "# Self-review of Alice Example, 2026-Q3\n\n<!-- a prompt -->\n\n## What I did\n\n<!-- The work -->\n\nShipped pricing.\n\n## What I want next\n\n<!--\nmore\n-->\n"
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := Read(root, "alice", p)
	if err != nil {
		t.Fatal(err)
	}
	want := &Review{Person: "alice", Path: "self/2026-Q3/alice.md", Period: p,
		Sections: []Section{{"What I did", "Shipped pricing."}, {"What I want next", ""}}}
	if diff := cmp.Diff(want, r); diff != "" {
		t.Errorf("Read (-want +got):\n%s", diff)
	}
	got := Added([]string{"self/2026-Q3/alice.md", "self/notes.md", "self/2026-Q9/bob.md", "skills/alice.toml"})
	if len(got) != 1 || got[0].Person != "alice" || got[0].Period != p {
		t.Errorf("Added = %+v", got)
	}
}
