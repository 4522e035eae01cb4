package main

import (
	"fmt"
	"github.com/coach-dev/coach/internal/files"
	"regexp"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// maxAgendaLines is two screens of a terminal: an agenda fits on them.
const maxAgendaLines = 100

// proseRules are what no agenda's prose may hold: TOML syntax, a command or
// a flag, a file name or a repository path, or a phrase left as a
// placeholder. Link targets, coach's marker line and the empty items to
// fill in are not prose.
var proseRules = []struct {
	what string
	re   *regexp.Regexp
}{
	{"TOML syntax", regexp.MustCompile(`\[\[|\]\]|\b[a-z_]+ = ["\[\d]`)},
	{"a command", regexp.MustCompile("`|\\bcoach (plan|agenda|team|check|history|diff|init|notes|schema|man|completion|help)\\b|(^|\\s)--[a-z]")},
	{"a file name", regexp.MustCompile(`\b[\w-]+\.(toml|md|json|ya?ml|tmpl)\b|\b(skills|plans|agendas|templates)/`)},
	{"a placeholder", regexp.MustCompile(`(?i)\b(todo|tbd|lorem|xxx)\b|<no value>|%!|\{\{|\(name\)|\byour best\b`)},
}

var (
	linkTarget  = regexp.MustCompile(`\]\([^)]*\)`)
	formField   = regexp.MustCompile(`^- \[ \] \((your topic|action, owner, date)\)$`)
	sentenceEnd = regexp.MustCompile(`[.?!:;]["”]?(\s+|$)`)
)

// agendaProse returns what is wrong with an agenda's prose: the rules above,
// a sentence of four words or more written twice, and more lines than two
// screens hold.
func agendaProse(doc string) []string {
	var out []string
	lines := strings.Split(strings.TrimSuffix(doc, "\n"), "\n")
	if len(lines) > maxAgendaLines {
		out = append(out, fmt.Sprintf("%d lines, more than the %d of two screens", len(lines), maxAgendaLines))
	}
	seen := map[string]int{}
	for i, line := range lines {
		if i == 0 && strings.HasPrefix(line, files.AgendaMarker) || formField.MatchString(line) {
			continue
		}
		line = linkTarget.ReplaceAllString(line, "]")
		for _, r := range proseRules {
			if m := r.re.FindString(line); m != "" {
				out = append(out, fmt.Sprintf("line %d: %s (%q): %s", i+1, r.what, m, line))
			}
		}
		text := strings.TrimLeft(line, "#->[] x")
		// A sentence, or the part of one after a colon or a semicolon, that
		// ends the sentence; a label before a colon (a goal named again) is
		// not one.
		start := 0
		for _, end := range append(sentenceEnd.FindAllStringIndex(text, -1), []int{len(text), len(text)}) {
			s, stop := text[start:end[0]], strings.TrimSpace(text[end[0]:end[1]])
			start = end[1]
			if strings.HasPrefix(stop, ":") {
				continue
			}
			s = strings.Trim(s, " \"“”*")
			if len(strings.Fields(s)) < 4 {
				continue
			}
			if at, ok := seen[s]; ok {
				out = append(out, fmt.Sprintf("line %d: the sentence of line %d again: %q", i+1, at, s))
				continue
			}
			seen[s] = i + 1
		}
	}
	return out
}

// agendaproseCmd is the script command "agendaprose FILE...": it fails
// naming every problem agendaProse finds in the files.
func agendaproseCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) == 0 {
		ts.Fatalf("usage: agendaprose FILE...")
	}
	var bad []string
	for _, f := range args {
		for _, p := range agendaProse(ts.ReadFile(f)) {
			bad = append(bad, f+": "+p)
		}
	}
	if len(bad) > 0 {
		ts.Fatalf("%s", strings.Join(bad, "\n"))
	}
}

// TestAgendaProseCatches: the prose check finds each kind of problem, and
// passes what is not prose.
func TestAgendaProseCatches(t *testing.T) {
	ok := files.AgendaMarker + "skills/a.toml for 2026-W47. Write in it: coach keeps it, and replaces it only when run with --force. -->\n" +
		"- Plan: [Pat's development plan](../../plans/pat.md)\n" +
		"- [ ] (your topic)\n- [ ] (your topic)\n- [ ] (action, owner, date)\n" +
		"On track? On track?\n"
	if got := agendaProse(ok); len(got) != 0 {
		t.Errorf("a clean agenda: %q", got)
	}
	for _, tt := range []struct{ doc, want string }{
		{"Add them as [[goal]] entries.", "TOML syntax"},
		{`Then set target = "senior-pm" in the file.`, "TOML syntax"},
		{"Run `coach plan` after it.", "a command"},
		{"Run coach plan --all after it.", "a command"},
		{"Nothing was committed to skills/pat.toml since then.", "a file name"},
		{"See plan.md for it.", "a file name"},
		{"Introduce them to your best account executive.", "a placeholder"},
		{"Ask about TBD next week.", "a placeholder"},
		{"Ask what is in the way first.\n- Ask what is in the way first.", "the sentence of line 1 again"},
		{"- Next: 3 Proficient. Gives others whole problems.\n- Try: the bar reads: \"Gives others whole problems.\"", "the sentence of line 1 again"},
		{strings.Repeat("line\n", maxAgendaLines+1), "more than the 100 of two screens"},
	} {
		got := strings.Join(agendaProse(tt.doc), "\n")
		if !strings.Contains(got, tt.want) {
			t.Errorf("%q: %q, want %q", tt.doc, got, tt.want)
		}
	}
}
