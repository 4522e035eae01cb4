package main

import (
	"fmt"
	"maps"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/coach-dev/coach/internal/files"

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
	{"a tool word", regexp.MustCompile(`\b[Ii]n your file\b|\bAgenda \d+\b|\bagenda \d+ of \d+\b|the plan's verdict|\bplan period\b|\bcommitments? in the plan\b|\bskill file\b|came after this 1:1|own ratings? of \d`)},
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

// tryLine is an agenda's idea to try this week, and focusHeading the
// heading that names its focus skill.
var (
	tryLine      = regexp.MustCompile(`(?m)^- (?:Try this week|Start this week|Due to start by [^:\n]+): (.+)$`)
	focusHeading = regexp.MustCompile(`(?m)^### (.+) \(week \d+`)
	// A quotation, a date, a number or a word with a capital (a name, a
	// team, a sentence's start) is the person's own; the rest is the frame.
	quotedSpan = regexp.MustCompile(`“[^”]*”|"[^"]*"|\*[^*]+\*`)
	dateWords  = regexp.MustCompile(`\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December)( \d{4})?\b`)
	ownWord    = regexp.MustCompile(`\b(\p{Lu}[\p{L}'’-]*|\d[\d.,%]*)`)
)

// tryFrame is an idea to try with what belongs to the person masked: the
// quotations, dates, numbers, names and the name of the week's skill. Two
// people with the same frame were given the same sentence.
func tryFrame(try, skill string) string {
	f := quotedSpan.ReplaceAllString(try, "Q")
	f = dateWords.ReplaceAllString(f, "D")
	if skill != "" {
		f = regexp.MustCompile(`(?i)`+regexp.QuoteMeta(skill)).ReplaceAllString(f, "S")
	}
	return ownWord.ReplaceAllString(f, "N")
}

// agendatriesCmd is the script command "agendatries FILE...": it fails when
// two of the agendas give the same idea to try, with the person's own words
// masked (see tryFrame), or when one has none.
func agendatriesCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: agendatries FILE FILE...")
	}
	seen := map[string]string{}
	var bad []string
	for _, f := range args {
		doc := ts.ReadFile(f)
		m := tryLine.FindStringSubmatch(doc)
		if m == nil {
			bad = append(bad, f+": no idea to try")
			continue
		}
		skill := ""
		if h := focusHeading.FindStringSubmatch(doc); h != nil {
			skill = h[1]
		}
		frame := tryFrame(m[1], skill)
		if other, ok := seen[frame]; ok {
			bad = append(bad, fmt.Sprintf("%s: the idea to try of %s again: %q", f, other, m[1]))
			continue
		}
		seen[frame] = f
	}
	if len(bad) > 0 {
		ts.Fatalf("%s", strings.Join(bad, "\n"))
	}
}

// TestColdRead2Finding8SameTryCaught: the frame check catches one sentence
// given to two people with their goal and skill dropped in, and passes two
// steps built from their own goals.
func TestColdRead2Finding8SameTryCaught(t *testing.T) {
	same := []string{
		tryFrame("Pick the one conversation or decision in “Lead the EMEA pricing launch” this week where negotiation and trade-offs matters most, and plan it before you go in.", "Negotiation and trade-offs"),
		tryFrame("Pick the one conversation or decision in “Present the 2027 checkout roadmap to the leadership team” this week where communication up, down and sideways matters most, and plan it before you go in.", "Communication up, down and sideways"),
	}
	if same[0] != same[1] {
		t.Errorf("one sentence, two frames:\n%s\n%s", same[0], same[1])
	}
	own := []string{
		tryFrame("Before your next meeting with Customer Success on the renewal-flow scope conversation, write down what you need from it and what Customer Success needs from you; bring both to our next 1:1.", "Negotiation and trade-offs"),
		tryFrame("Write the three things the executive team must take away from the 2027 product vision, a line each, and test them on one person who knows them before our next 1:1.", "Communication up, down and sideways"),
	}
	if own[0] == own[1] {
		t.Errorf("two people's own steps read as one: %q", own[0])
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
		{"- Agenda 3; the last one was on 24 November", "a tool word"},
		{"Towards GPM, the plan's verdict is “held until calibration”.", "a tool word"},
		{"No plan period is set yet.", "a tool word"},
		{"In your file it shows least: coaching.", "a tool word"},
		{"Check one of your own commitments in the plan: Backing for it.", "a tool word"},
		{"- Fill in the review in the sections marked for the manager: the rest is written from the skill file.", "a tool word"},
		{"- As it stood on Tuesday 17 November: the assessment of 18 November came after this 1:1.", "a tool word"},
		{"- 17 November: Omar's first assessment. It came with Omar's own rating of 1 skill.", "a tool word"},
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

// planSentence splits a plan's prose into sentences: after ".", "?" or "!"
// (a closing quotation mark kept), the list markers and the labels "Why: "
// and "Evidence: " taken off.
var (
	planSentenceEnd = regexp.MustCompile(`[.?!]["”]?\s+`)
	listMarker      = regexp.MustCompile(`^\s*(- \[[ x]\] |- |\d+\. )`)
	planLabel       = regexp.MustCompile(`^(Why|Evidence): `)
)

// quotesMatrix reports whether a plan's line quotes the matrix as it
// stands for every person at a skill's level (what a level looks like,
// where to learn, the coaching question): reference, not a sentence
// written for the person. Fixed labels and the review date are not prose
// either.
func quotesMatrix(body string) bool {
	for _, p := range []string{"Now: ", "Next: ", "At work: ", "A person: ", "Reading: ", "Coaching question: ", "Next review: "} {
		if strings.HasPrefix(body, p) {
			return true
		}
	}
	return false
}

// planSentences returns the sentences of more than eight words of a plan,
// each with its line, from its first section on: the header, headings,
// tables, the matrix's own words (quotesMatrix) and the shifts of a move
// between roles (the matrix's, for everyone making it) left out.
func planSentences(doc string) map[string]int {
	out := map[string]int{}
	started, section := false, ""
	for i, line := range strings.Split(doc, "\n") {
		if strings.HasPrefix(line, "## ") {
			started, section = true, line
		}
		if !started || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "|") || strings.HasPrefix(section, "## The move from") {
			continue
		}
		body := strings.TrimSpace(listMarker.ReplaceAllString(line, ""))
		if quotesMatrix(body) {
			continue
		}
		for _, s := range planSentenceEnd.Split(body, -1) {
			s = planLabel.ReplaceAllString(strings.TrimRight(strings.Trim(s, " \"*"), ".?!\""), "")
			if len(strings.Fields(s)) <= 8 {
				continue
			}
			if _, ok := out[s]; ok {
				out[s+"\x00again"] = i + 1 // said twice in one plan
				continue
			}
			out[s] = i + 1
		}
	}
	return out
}

// sentencesProblems are what planSentences finds wrong in plans (name ->
// text): a sentence said twice in one plan, or the same sentence in more
// than most plans: a template, not the person's plan.
func sentencesProblems(most int, plans map[string]string) []string {
	var out []string
	in := map[string][]string{}
	var names []string
	for name := range plans {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		for s, line := range planSentences(plans[name]) {
			if again, ok := strings.CutSuffix(s, "\x00again"); ok {
				out = append(out, fmt.Sprintf("%s:%d: said twice in the plan: %q", name, line, again))
				continue
			}
			in[s] = append(in[s], name)
		}
	}
	var many []string
	for s, where := range in {
		if len(where) > most {
			many = append(many, fmt.Sprintf("in %d plans (%s): %q", len(where), strings.Join(where, ", "), s))
		}
	}
	slices.Sort(out)
	slices.Sort(many)
	return append(out, many...)
}

// sentencesCmd is the script command "sentences N FILE...": it fails when
// a sentence of more than eight words is said twice in one of the plans,
// or appears in more than N of them (see sentencesProblems).
func sentencesCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: sentences N FILE...")
	}
	most, err := strconv.Atoi(args[0])
	if err != nil || most < 1 {
		ts.Fatalf("sentences: %q is not a count of plans", args[0])
	}
	plans := map[string]string{}
	for _, f := range args[1:] {
		plans[f] = ts.ReadFile(f)
	}
	if bad := sentencesProblems(most, plans); len(bad) > 0 {
		ts.Fatalf("%s", strings.Join(bad, "\n"))
	}
}

func TestSentencesProblemsCatch(t *testing.T) {
	same := "## At a glance\n\n- The goal done, and one thing you did differently that others noticed.\n"
	twice := "## Focus skills\n\nWhy: a sentence of more than eight words said here once. Why: a sentence of more than eight words said here once.\n"
	got := sentencesProblems(2, map[string]string{"a": same, "b": same, "c": same, "d": twice})
	want := []string{
		`d:3: said twice in the plan: "a sentence of more than eight words said here once"`,
		`in 3 plans (a, b, c): "The goal done, and one thing you did differently that others noticed"`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("sentencesProblems =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// The matrix's own words and headings are not counted.
	ref := "## Focus skills\n\n- Now: 2 Practising. Negotiates scope with their own engineering team and one or two stakeholders.\n"
	if got := sentencesProblems(1, map[string]string{"a": ref, "b": ref}); len(got) != 0 {
		t.Errorf("the matrix's words counted: %q", got)
	}
}

// maxSharedSentence is how many people's agendas one sentence may appear
// in: a few, when the same matrix level or bank question comes round for
// them; more reads as a template.
const maxSharedSentence = 4

// longSentences are an agenda's sentences of more than eight words that
// are its own this week: not a heading, not what it carries over from last
// time (the follow-up, notes, open items and topics, a new hire's open
// onboarding items), not a label before a colon.
func longSentences(doc string) []string {
	var out []string
	section := ""
	for i, line := range strings.Split(doc, "\n") {
		if strings.HasPrefix(line, "## ") {
			section = strings.TrimPrefix(line, "## ")
		}
		carried := section == "Follow-up from last time" || strings.HasPrefix(section, "Onboarding") && (strings.HasPrefix(line, "- ") || strings.HasPrefix(line, "This week, ask about one item:"))
		if i == 0 || carried || strings.HasPrefix(line, "#") || strings.HasPrefix(line, ">") ||
			strings.Contains(line, "(open since ") || strings.Contains(line, " (raised in ") {
			continue
		}
		text := strings.TrimLeft(linkTarget.ReplaceAllString(line, "]"), "->[] x")
		start := 0
		for _, end := range append(sentenceEnd.FindAllStringIndex(text, -1), []int{len(text), len(text)}) {
			s, stop := text[start:end[0]], strings.TrimSpace(text[end[0]:end[1]])
			start = end[1]
			if strings.HasPrefix(stop, ":") {
				continue
			}
			if s = strings.Trim(s, " \"“”*"); len(strings.Fields(s)) > 8 {
				out = append(out, s)
			}
		}
	}
	return out
}

// agendaRepeats returns the sentences of more than eight words that an
// agenda repeats from the same person's agenda of the week before (files
// in a person's directory, in week order), except what it carries over,
// and those found in more than maxSharedSentence people's agendas.
func agendaRepeats(docs map[string]string) []string {
	var out []string
	names := slices.Sorted(maps.Keys(docs))
	last := map[string]map[string]bool{}
	people := map[string]map[string]bool{}
	for _, f := range names {
		person := path.Dir(f)
		this := map[string]bool{}
		for _, s := range longSentences(docs[f]) {
			if last[person][s] && !this[s] {
				out = append(out, fmt.Sprintf("%s: the week before's sentence again: %q", f, s))
			}
			this[s] = true
			if people[s] == nil {
				people[s] = map[string]bool{}
			}
			people[s][person] = true
		}
		last[person] = this
	}
	for _, s := range slices.Sorted(maps.Keys(people)) {
		if n := len(people[s]); n > maxSharedSentence {
			out = append(out, fmt.Sprintf("in %d people's agendas: %q", n, s))
		}
	}
	out = append(out, sharedTries(docs)...)
	out = append(out, sharedAsks(docs)...)
	out = append(out, sharedShows(docs)...)
	out = append(out, sinceOutOfWindow(docs)...)
	return append(out, stalledTwice(docs)...)
}

// maxSharedShows is how many people's agendas may share an evidence line's
// opening or ending: more is one sentence with a goal's name dropped in.
const maxSharedShows = 3

// sharedShows returns the "What would show it" lines whose first or last
// five words more than maxSharedShows people share, across every week.
func sharedShows(docs map[string]string) []string {
	const show = "- What would show it: "
	ends := map[string]map[string]bool{}
	for _, f := range slices.Sorted(maps.Keys(docs)) {
		person := path.Dir(f)
		for _, line := range strings.Split(docs[f], "\n") {
			t, ok := strings.CutPrefix(line, show)
			if !ok {
				continue
			}
			words := strings.Fields(t)
			for _, k := range []string{"opens with " + strings.Join(words[:min(5, len(words))], " "), "ends with " + strings.Join(words[max(0, len(words)-5):], " ")} {
				if ends[k] == nil {
					ends[k] = map[string]bool{}
				}
				ends[k][person] = true
			}
		}
	}
	var out []string
	for _, k := range slices.Sorted(maps.Keys(ends)) {
		if n := len(ends[k]); n > maxSharedShows {
			out = append(out, fmt.Sprintf("what would show it %q in %d people's agendas", k, n))
		}
	}
	return out
}

// sinceHead is the line that opens "Since last time", with the day the
// window starts after; sinceItem a dated line under it.
var (
	sinceHead = regexp.MustCompile(`^(?:The four weeks before this first agenda, since|Since the last 1:1 on) (\d{1,2} \pL+(?: \d{4})?):$`)
	sinceItem = regexp.MustCompile(`^- (\d{1,2} \pL+(?: \d{4})?): `)
)

// sinceOutOfWindow returns the "Since last time" items dated on or before
// the day its window starts after, or after the week's 1:1, and those out
// of date order (cold read 6, finding 12).
func sinceOutOfWindow(docs map[string]string) []string {
	var out []string
	for _, f := range slices.Sorted(maps.Keys(docs)) {
		week := strings.TrimSuffix(path.Base(f), ".md")
		year := 2026
		fmt.Sscanf(week, "%d-W", &year)
		parse := func(s string) time.Time {
			if d, err := time.Parse("2 January 2006", s); err == nil {
				return d
			}
			d, _ := time.Parse("2 January 2006", fmt.Sprintf("%s %d", s, year))
			return d
		}
		var from, prev time.Time
		in, first := false, false
		for _, line := range strings.Split(docs[f], "\n") {
			if m := sinceHead.FindStringSubmatch(line); m != nil {
				from, prev, in = parse(m[1]), time.Time{}, true
				// A first agenda's four weeks start on their first day; a
				// later one's window starts after the last 1:1.
				first = strings.HasPrefix(line, "The four weeks")
				continue
			}
			if strings.HasPrefix(line, "## ") {
				in = false
			}
			m := sinceItem.FindStringSubmatch(line)
			if !in || m == nil {
				continue
			}
			d := parse(m[1])
			if d.Before(from) || !first && d.Equal(from) {
				out = append(out, fmt.Sprintf("%s: since last time lists %s, not after %s", f, m[1], isoDate(from)))
			}
			if d.Before(prev) {
				out = append(out, fmt.Sprintf("%s: since last time lists %s after %s", f, m[1], isoDate(prev)))
			}
			prev = d
		}
	}
	return out
}

func isoDate(t time.Time) string { return t.Format(time.DateOnly) }

// stalledTwice returns the people whose prep says no focus skill moved two
// weeks running, in whatever words (cold read 6, finding 6).
func stalledTwice(docs map[string]string) []string {
	var out []string
	last := map[string]bool{}
	for _, f := range slices.Sorted(maps.Keys(docs)) {
		person := path.Dir(f)
		said := strings.Contains(docs[f], "\n- No focus skill has moved since ") || regexp.MustCompile(`\n- None of \S+ focus skills`).MatchString(docs[f])
		if said && last[person] {
			out = append(out, fmt.Sprintf("%s: the prep says again that no focus skill moved", f))
		}
		last[person] = said
	}
	return out
}

// maxSharedOpening is how many people of one team may be handed an idea to
// try that opens with the same words in the same week.
const maxSharedOpening = 2

// sharedTries returns the ideas to try ("- Try this week: ...") that one
// week hands to two people of the same team (agendas under one directory)
// word for word, and the openings (first five words, after the level it
// reaches for) that more than maxSharedOpening of them share: a pool of
// sentences with a goal's name dropped in, not each person's own step.
func sharedTries(docs map[string]string) []string {
	const try = "- Try this week: "
	lines, openings := map[string][]string{}, map[string][]string{}
	for _, f := range slices.Sorted(maps.Keys(docs)) {
		week := path.Dir(path.Dir(path.Dir(f))) + " " + strings.TrimSuffix(path.Base(f), ".md")
		for _, line := range strings.Split(docs[f], "\n") {
			t, ok := strings.CutPrefix(line, try)
			if !ok {
				// A matrix action that runs for months is started this week.
				t, ok = strings.CutPrefix(line, "- Start this week: ")
			}
			if rest, late := strings.CutPrefix(line, "- Due to start by "); !ok && late {
				// A step past the plan's start-by day, asked about again.
				_, t, ok = strings.Cut(rest, ": ")
			}
			if !ok {
				continue
			}
			person := path.Base(path.Dir(f))
			lines[week+"\x00"+t] = append(lines[week+"\x00"+t], person)
			t = towardsLevel.ReplaceAllString(t, "")
			words := strings.Fields(t)
			open := strings.Join(words[:min(5, len(words))], " ")
			openings[week+"\x00"+open] = append(openings[week+"\x00"+open], person)
		}
	}
	var out []string
	for _, k := range slices.Sorted(maps.Keys(lines)) {
		if who := lines[k]; len(who) > 1 {
			week, t, _ := strings.Cut(k, "\x00")
			out = append(out, fmt.Sprintf("%s: the same idea to try for %s: %q", week, strings.Join(who, " and "), t))
		}
	}
	for _, k := range slices.Sorted(maps.Keys(openings)) {
		if who := openings[k]; len(who) > maxSharedOpening {
			week, t, _ := strings.Cut(k, "\x00")
			out = append(out, fmt.Sprintf("%s: %d ideas to try open with %q: %s", week, len(who), t, strings.Join(who, ", ")))
		}
	}
	return out
}

// maxSharedRating is how many people of one team one wording of a
// difference of ratings may go to in one week.
const maxSharedRating = 2

// sharedAsks returns the questions that one week asks two people of the
// same team (agendas under one directory) in one wording, their own words
// masked (see tryFrame): the check-in, the question of the week, the
// feedback prompts and the opening of a difference of ratings each have
// other wordings to give the second (cold read 10).
func sharedAsks(docs map[string]string) []string {
	asks := map[string][]string{}
	for _, f := range slices.Sorted(maps.Keys(docs)) {
		week := path.Dir(path.Dir(path.Dir(f))) + " " + strings.TrimSuffix(path.Base(f), ".md")
		person := path.Base(path.Dir(f))
		checkIn := false
		for _, line := range strings.Split(docs[f], "\n") {
			ask := strings.HasPrefix(line, "Question of the week: ") || strings.HasPrefix(line, "You rate yourself ") || strings.HasPrefix(line, "You put yourself ") ||
				regexp.MustCompile(`^- For (me|\p{Lu}\pL*): `).MatchString(line) || checkIn && line != ""
			if strings.HasPrefix(line, "## ") {
				checkIn = line == "## Check-in"
				continue
			}
			if line != "" {
				checkIn = false
			}
			if !ask {
				continue
			}
			k := week + "\x00" + tryFrame(line, "")
			asks[k] = append(asks[k], person)
		}
	}
	var out []string
	for _, k := range slices.Sorted(maps.Keys(asks)) {
		// A difference of ratings has three wordings: a week of more than
		// three of them gives one to two people.
		most := 1
		if strings.Contains(k, "\x00N rate yourself") || strings.Contains(k, "\x00N put yourself") {
			most = maxSharedRating
		}
		if who := asks[k]; len(who) > most {
			week, q, _ := strings.Cut(k, "\x00")
			out = append(out, fmt.Sprintf("%s: one question for %s: %q", week, strings.Join(who, " and "), q))
		}
	}
	return out
}

// towardsLevel is the level an idea to try reaches for, before the step.
var towardsLevel = regexp.MustCompile(`^Towards \d+ \pL+: `)

// agendarepeatsCmd is the script command "agendarepeats FILE...": the files
// are agendas/PERSON/WEEK.md of several weeks and people (of one team or
// more, under different directories); it fails naming every sentence
// agendaRepeats finds.
func agendarepeatsCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: agendarepeats FILE FILE...")
	}
	docs := map[string]string{}
	for _, f := range args {
		docs[f] = ts.ReadFile(f)
	}
	if bad := agendaRepeats(docs); len(bad) > 0 {
		ts.Fatalf("%s", strings.Join(bad, "\n"))
	}
}

// TestAgendaRepeatsCatches: the check catches a sentence carried into the
// next week of the same person and one shared by five people, and lets
// carried items, notes and the follow-up through.
func TestAgendaRepeatsCatches(t *testing.T) {
	same := "- Bring where the launch stands, what has moved since we last looked at it, and the next decision in it."
	carried := "## Follow-up from last time\n\nLast time's idea to try: Write the first page of the hiring plan before our next 1:1, and bring the question. What did you try?\n\n" +
		"- [ ] Send the renewal scope to Customer Success before Friday with the options (open since 2026-W47)\n\n> Marcus says the PRD reviews are how he keeps quality up; we agreed to try one.\n"
	docs := map[string]string{
		"a/agendas/ann/2026-W47.md": "marker\n" + same + "\n",
		"a/agendas/ann/2026-W48.md": "marker\n" + same + "\n",
		"a/agendas/bo/2026-W47.md":  "marker\n" + carried,
		"a/agendas/bo/2026-W48.md":  "marker\n" + carried,
	}
	for _, p := range []string{"cy", "di", "ed", "fa"} {
		docs["b/agendas/"+p+"/2026-W47.md"] = "marker\n" + same + "\n"
	}
	want := []string{
		`a/agendas/ann/2026-W48.md: the week before's sentence again: "Bring where the launch stands, what has moved since we last looked at it, and the next decision in it"`,
		`in 5 people's agendas: "Bring where the launch stands, what has moved since we last looked at it, and the next decision in it"`,
	}
	if got := agendaRepeats(docs); !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	// Ideas to try: the same one for two people of a team in one week, and
	// one opening for three, are caught; another team's, or another
	// week's, are not.
	decide := "- Try this week: Name the next decision on the %s and who makes it, and if it is yours, make it before our next 1:1.\n"
	tries := map[string]string{
		"a/agendas/ann/2026-W48.md": fmt.Sprintf(decide, "renewal flow"),
		"a/agendas/bo/2026-W48.md":  fmt.Sprintf(decide, "renewal flow"),
		"a/agendas/cy/2026-W48.md":  "- Try this week: Towards 3 Proficient: " + fmt.Sprintf(decide, "pricing brief")[len("- Try this week: "):],
		"a/agendas/di/2026-W49.md":  fmt.Sprintf(decide, "renewal flow"),
		"b/agendas/ed/2026-W48.md":  fmt.Sprintf(decide, "renewal flow"),
	}
	want = []string{
		`a 2026-W48: the same idea to try for ann and bo: "Name the next decision on the renewal flow and who makes it, and if it is yours, make it before our next 1:1."`,
		`a 2026-W48: 3 ideas to try open with "Name the next decision on": ann, bo, cy`,
	}
	if got := agendaRepeats(tries); !slices.Equal(got, want) {
		t.Errorf("tries: got %q\nwant %q", got, want)
	}
	// Cold read 10: one question of the week, check-in, feedback prompt or
	// difference of ratings for two people of a team in one week is
	// caught, their own words masked; another team's is not.
	asks := map[string]string{
		"a/agendas/ann/2026-W48.md": "## Check-in\n\nWhat surprised you this week?\n\nQuestion of the week: What does your strategy say no to?\n- For me: what should I start or stop doing to help with “Ship the pricing page”?\n",
		"a/agendas/bo/2026-W48.md":  "## Check-in\n\nWhat surprised you this week?\n\nQuestion of the week: What does your strategy say no to?\n- For me: what should I start or stop doing to help with “Write the brief”?\n",
		"a/agendas/cy/2026-W48.md":  "You rate yourself 3 here and I rate you 2, so what have you done at 3 that I may not have seen?\n- For Cy: what I saw of your hiring lately, one thing to keep and one to change.\n",
		"a/agendas/fa/2026-W48.md":  "You rate yourself 5 here and I rate you 4, so what have you done at 5 that I may not have seen?\n",
		"a/agendas/di/2026-W48.md":  "You rate yourself 4 here and I rate you 3, so what have you done at 4 that I may not have seen?\n- For Di: what I saw of your hiring lately, one thing to keep and one to change.\n",
		"b/agendas/ed/2026-W48.md":  "Question of the week: What does your strategy say no to?\n",
	}
	want = []string{
		`a 2026-W48: one question for cy and di: "- N N: what N saw of your hiring lately, one thing to keep and one to change."`,
		`a 2026-W48: one question for ann and bo: "- N me: what should N start or stop doing to help with N?"`,
		`a 2026-W48: one question for ann and bo: "N of the week: N does your strategy say no to?"`,
		`a 2026-W48: one question for cy and di and fa: "N rate yourself N here and N rate you N so what have you done at N that N may not have seen?"`,
		`a 2026-W48: one question for ann and bo: "N surprised you this week?"`,
	}
	if got := agendaRepeats(asks); !slices.Equal(got, want) {
		t.Errorf("asks: got %q\nwant %q", got, want)
	}
	// Cold read 6: one evidence line for four people with their goal's
	// name in it; "Since last time" listing an item from before its window
	// and out of date order; the same nag two weeks running in other words.
	shows := map[string]string{}
	for _, p := range []string{"ann", "bo", "cy", "di"} {
		shows["a/agendas/"+p+"/2026-W47.md"] = "- What would show it: What you did on the " + p + " launch, and how the people it involved responded.\n"
	}
	want = []string{
		`what would show it "ends with the people it involved responded." in 4 people's agendas`,
		`what would show it "opens with What you did on the" in 4 people's agendas`,
	}
	if got := agendaRepeats(shows); !slices.Equal(got, want) {
		t.Errorf("shows: got %q\nwant %q", got, want)
	}
	since := map[string]string{
		"a/agendas/ann/2026-W47.md": "## Since last time\n\nThe four weeks before this first agenda, since 20 October:\n\n- 20 October: Evidence on x\n- 22 July: Evidence on y\n- 12 November: Evidence on z\n- 4 November: Evidence on w\n\n## Focus of the week\n\n- 1 January: not under since\n",
		"a/agendas/ann/2026-W48.md": "## Since last time\n\nSince the last 1:1 on 19 November:\n\n- 19 November: Evidence on x\n- 15 January 2027: Goal due\n",
	}
	want = []string{
		`a/agendas/ann/2026-W47.md: since last time lists 22 July, not after 2026-10-20`,
		`a/agendas/ann/2026-W47.md: since last time lists 22 July after 2026-10-20`,
		`a/agendas/ann/2026-W47.md: since last time lists 4 November after 2026-11-12`,
		`a/agendas/ann/2026-W48.md: since last time lists 19 November, not after 2026-11-19`,
	}
	if got := agendaRepeats(since); !slices.Equal(got, want) {
		t.Errorf("since: got %q\nwant %q", got, want)
	}
	nag := map[string]string{
		"a/agendas/ann/2026-W47.md": "x\n- No focus skill has moved since 1 June (Communication): ask Ann what would help.\n",
		"a/agendas/ann/2026-W48.md": "x\n- None of Ann's focus skills (Communication) has gone up a level since 1 June: ask.\n",
		"a/agendas/bo/2026-W47.md":  "x\n- No focus skill has moved since 1 June (Communication): ask Bo what would help.\n",
		"a/agendas/bo/2026-W49.md":  "x\n- Nothing on it.\n",
	}
	want = []string{`a/agendas/ann/2026-W48.md: the prep says again that no focus skill moved`}
	if got := agendaRepeats(nag); !slices.Equal(got, want) {
		t.Errorf("nag: got %q\nwant %q", got, want)
	}
}
