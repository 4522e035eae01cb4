package cycle_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/coach-dev/coach/skills"
)

// countOfLevels is a level said as a number beside a bar, or skills
// counted: what a judgement in words never holds (issue 20, rule 1).
var countOfLevels = regexp.MustCompile(`\(\d+, where |\(\d+ against \d+\)| of \d+ skills`)

// drafts are the manager's sections' drafts of a review, one a line.
func drafts(out string) string {
	var b strings.Builder
	lines := strings.Split(out, "\n")
	for i, l := range lines {
		if strings.Contains(l, "<!-- coach:draft") && i+1 < len(lines) {
			b.WriteString(lines[i+1] + "\n")
		}
	}
	return b.String()
}

// TestReviewJudgementInWords: the summary's draft says where the person
// stands, what decides it and by when, in words; the growth draft names
// the areas by the bar they fall short of, never by their numbers; and a
// level rated down in the period is said as a reason for focus, never
// passed over (issue 20, rules 1 and 4).
func TestReviewJudgementInWords(t *testing.T) {
	lv := levels(t, "gpm", map[string]int{"delegation": 2})
	src := "name = \"Mark Bello\"\nrole = \"gpm\"\nmanager = \"lee\"\nassessed = 2026-11-16\n\n[levels]\n" +
		strings.Replace(lv, "coaching = 3", "coaching = 2", 1)
	hist := append(assessment(t, lv, "c1", "2026-08-24", "Lee Park"),
		skills.Change{Person: "x", Commit: "c2", Date: day("2026-11-16"), Author: "Lee Park", Kind: skills.KindLevel, Skill: "coaching", From: "3", To: "2"})
	prev := "name = \"Mark Bello\"\nrole = \"gpm\"\nmanager = \"lee\"\nassessed = 2026-08-24\n\n[levels]\n" + lv
	_, out := reviewCase{src: src, history: hist, prevSrc: prev}.build(t)
	wantLines(t, section(out, "Areas to improve"),
		"- Coaching and mentoring at 2 Practising, where Group Product Manager asks for 3 Proficient: rated down from 3 Proficient on 2026-11-16, a reason to focus on it.",
		"To work on: coaching and mentoring (rated down on 2026-11-16) and delegation and team performance, below the Group Product Manager bar; and, towards Director of Product, hiring strategy.")
	wantLines(t, section(out, "The manager's summary"),
		"Mark is not yet ready for Director of Product: the Group Product Manager bar comes first, in coaching and mentoring and delegation and team performance, by the 2027-Q1 review.")
	if bad := countOfLevels.FindString(drafts(out) + section(out, "Readiness")); bad != "" {
		t.Errorf("a count of levels %q in\n%s", bad, out)
	}
	if strings.Contains(section(out, "Areas to improve"), "step towards it") {
		t.Errorf("a level rated down read as a step:\n%s", section(out, "Areas to improve"))
	}
}

// TestReviewHeldJudgement: on a re-baseline nobody calibrated, the summary
// says where the person stands waits for the calibration, that nothing in
// it is growth, and what makes the case whatever it settles: the person's
// own dated goal.
func TestReviewHeldJudgement(t *testing.T) {
	first := levels(t, "pm", map[string]int{"negotiation": 1})
	rebased := levels(t, "senior-pm", nil)
	src := "name = \"Ben Ode\"\nrole = \"pm\"\nmanager = \"lee\"\nassessed = 2026-11-18\nplan_start = 2026-09-01\n\n[levels]\n" + rebased +
		"\n[[goal]]\ntext = \"Write the checkout strategy and use it in Q1 planning\"\nskills = [\"product-strategy\"]\ndue = 2027-01-20\n"
	hist := append(assessment(t, first, "c1", "2026-05-12", "Maya Okafor"), assessment(t, rebased, "c2", "2026-11-18", "Lee Park")...)
	for i := range hist[len(hist)/2:] {
		c := &hist[len(hist)/2+i]
		c.From = hist[i].To
	}
	prev := "name = \"Ben Ode\"\nrole = \"pm\"\nmanager = \"lee\"\nassessed = 2026-05-12\n\n[levels]\n" + first
	r, out := reviewCase{src: src, history: hist, plan: hist[:len(hist)/2], prevSrc: prev}.build(t)
	if r.Verdict.Kind != "held" {
		t.Fatalf("verdict %q, want held", r.Verdict.Kind)
	}
	wantLines(t, section(out, "The manager's summary"),
		`Where Ben stands waits for the calibration of Lee Park's re-baseline, by 2026-12-18: it set the levels at once, so none of it is counted as growth. Whatever it settles, the case for Senior Product Manager rests on "Write the checkout strategy and use…", due 2027-01-20.`)
	if bad := countOfLevels.FindString(drafts(out) + section(out, "Readiness")); bad != "" {
		t.Errorf("a count of levels %q in\n%s", bad, out)
	}
}
