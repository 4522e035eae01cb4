package main

import (
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rogpeppe/go-internal/txtar"
)

// TestGoldenPlansQuoteOnce: no sentence is quoted twice in one plan, in
// either team's golden plans (cold read 18, finding 13: one note of Kofi's
// quoted five times). A note is quoted once, where it matters most, and
// referred to by its date elsewhere.
func TestGoldenPlansQuoteOnce(t *testing.T) {
	for _, script := range []string{"plan_example.txtar", "plan_team2.txtar"} {
		a, err := txtar.ParseFile(filepath.Join("testdata", "script", script))
		if err != nil {
			t.Fatal(err)
		}
		plans := 0
		for _, f := range a.Files {
			if !strings.HasPrefix(f.Name, "want/") || !strings.HasSuffix(f.Name, ".md") {
				continue
			}
			plans++
			// A goal is named by its text, or the first words of it:
			// a name, not a sentence quoted.
			text := string(f.Data)
			goals := ""
			if i := strings.Index(text, "\n## Goals\n"); i >= 0 {
				goals = text[i:]
				if j := strings.Index(goals[1:], "\n## "); j >= 0 {
					goals = goals[:j+1]
				}
			}
			seen := map[string]bool{}
			for _, line := range strings.Split(string(f.Data), "\n") {
				parts := strings.Split(line, `"`)
				for i := 1; i+1 < len(parts); i += 2 {
					q := parts[i]
					if utf8.RuneCountInString(q) <= 40 || strings.Contains(goals, strings.TrimSuffix(q, "…")) {
						continue
					}
					if seen[q] {
						t.Errorf("%s %s: quoted twice: %q", script, f.Name, q)
					}
					seen[q] = true
				}
			}
		}
		if plans < 5 {
			t.Errorf("%s: %d plans, want the team's", script, plans)
		}
	}
}
