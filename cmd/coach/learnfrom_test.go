package main

import (
	"regexp"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/coach-dev/coach/skills"
)

// TestLearnFromFitsTheLevel: in both teams' golden plans, two people
// reaching different levels of a skill whose matrix resources name a level
// are never given the same line to learn from (cold read 18: a Group
// Product Manager and a Product Manager sent to sit in on the same
// renewals).
func TestLearnFromFitsTheLevel(t *testing.T) {
	m, err := skills.DefaultMatrix()
	if err != nil {
		t.Fatal(err)
	}
	levelled := map[string]bool{}
	for _, s := range m.Skills {
		for _, r := range s.Resources {
			if r.To != 0 {
				levelled[s.Name] = true
			}
		}
	}
	if len(levelled) == 0 {
		t.Fatal("no skill of the built-in matrix names a level for its resources")
	}
	heading := regexp.MustCompile(`^### \d+\. (.+)$`)
	next := regexp.MustCompile(`^- Next: (\d) `)
	lead := regexp.MustCompile(`^- (?:At work[^:]*|A person|Reading): `)
	type use struct{ who, level string }
	seen := map[string][]use{} // skill + line -> who reaches which level with it
	for _, script := range []string{"plan_example", "plan_team2"} {
		ar, err := txtar.ParseFile("testdata/script/" + script + ".txtar")
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range ar.Files {
			if !strings.HasPrefix(f.Name, "want/") || !strings.HasSuffix(f.Name, ".md") {
				continue
			}
			skill, level, learn := "", "", false
			for _, l := range strings.Split(string(f.Data), "\n") {
				switch {
				case heading.MatchString(l):
					skill, level, learn = heading.FindStringSubmatch(l)[1], "", false
				case next.MatchString(l) && level == "":
					level = next.FindStringSubmatch(l)[1]
				case l == "Learn from:":
					learn = true
				case learn && lead.MatchString(l) && levelled[skill] && level != "":
					line, _, _ := strings.Cut(lead.ReplaceAllString(l, ""), " In the team, start with")
					seen[skill+": "+line] = append(seen[skill+": "+line], use{script + "/" + f.Name, level})
				case learn && l != "":
					learn = false
				}
			}
		}
	}
	if len(seen) == 0 {
		t.Fatal("no line to learn from read in the golden plans")
	}
	for line, uses := range seen {
		for _, u := range uses[1:] {
			if u.level != uses[0].level {
				t.Errorf("%s and %s reach levels %s and %s with one line: %s", uses[0].who, u.who, uses[0].level, u.level, line)
			}
		}
	}
}
