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
		"Where I want you to grow first: coaching and mentoring (which I rated down on 16 November) and delegation and team performance, still below the Group Product Manager bar. Then, towards Director of Product: hiring strategy.")
	wantLines(t, section(out, "The manager's summary"),
		// The period before's review said this one (its delegation was
		// short then too, his coaching only since); read before the
		// period ends, the date stands and nothing is called missed yet.
		// In a manager's words, from the file: the assessment before the
		// period, the weeks left, and where the gap stands (VP cold read
		// 18, finding 11).
		"You are not yet ready for Director of Product: the Group Product Manager bar comes first, in coaching and mentoring and delegation and team performance. At your assessment of 24 August, we set delegation and team performance as the gap to close first; with six weeks of the quarter left, it is still short of the bar, with no example written down for it yet. Your plan gives it to its review of 16 February 2027.")
	// Once the period is over, the date passed unmet is said plainly.
	_, over := reviewCase{src: src, history: hist, prevSrc: prev, over: true}.build(t)
	wantLines(t, section(over, "The manager's summary"),
		"You are not yet ready for Director of Product: the Group Product Manager bar comes first, in coaching and mentoring and delegation and team performance. We set the 2026-Q4 review for it; the gap is still open, and the new date is the 2027-Q1 review.")
	// With the role's bar met the period before, nothing was promised.
	met := levels(t, "gpm", nil)
	hist2 := append(assessment(t, met, "c1", "2026-08-24", "Lee Park"),
		skills.Change{Person: "x", Commit: "c2", Date: day("2026-11-16"), Author: "Lee Park", Kind: skills.KindLevel, Skill: "delegation", From: "3", To: "2"})
	src2 := "name = \"Mark Bello\"\nrole = \"gpm\"\nmanager = \"lee\"\nassessed = 2026-11-16\n\n[levels]\n" + lv
	prev2 := "name = \"Mark Bello\"\nrole = \"gpm\"\nmanager = \"lee\"\nassessed = 2026-08-24\n\n[levels]\n" + met
	_, out2 := reviewCase{src: src2, history: hist2, prevSrc: prev2}.build(t)
	wantLines(t, section(out2, "The manager's summary"),
		"You are not yet ready for Director of Product: the Group Product Manager bar comes first, in delegation and team performance, by the 2027-Q1 review.")
	if bad := countOfLevels.FindString(drafts(out) + section(out, "Readiness")); bad != "" {
		t.Errorf("a count of levels %q in\n%s", bad, out)
	}
	if strings.Contains(section(out, "Areas to improve"), "step towards it") {
		t.Errorf("a level rated down read as a step:\n%s", section(out, "Areas to improve"))
	}
}

// TestReviewHeldJudgement: on a re-baseline nobody calibrated, the summary
// says where the person stands waits for the calibration, what the
// re-baseline alone put at the bar and that none of it is growth, and what
// makes the case whatever it settles: the person's own dated goal. Said
// from their own levels, the sentence is theirs, not a template's.
func TestReviewHeldJudgement(t *testing.T) {
	first := levels(t, "pm", map[string]int{"negotiation": 1})
	rebased := levels(t, "senior-pm", nil)
	r, out := rebaselineCase(t, "Ben Ode", first, rebased, "\n[[goal]]\ntext = \"Write the checkout strategy and use it in Q1 planning\"\nskills = [\"product-strategy\"]\ndue = 2027-01-20\n").build(t)
	if r.Verdict.Kind != "held" {
		t.Fatalf("verdict %q, want held", r.Verdict.Kind)
	}
	wantLines(t, section(out, "The manager's summary"),
		`I set your levels fresh on 18 November, with negotiation and trade-offs, communication up, down and sideways and stakeholder relationships, among others, at the Senior Product Manager bar; Rosa Lind and I check them by 18 December, before any of it counts as growth. Whatever the calibration settles, your case for Senior Product Manager rests on "Write the checkout strategy and use…", due 20 January 2027.`)
	if bad := countOfLevels.FindString(drafts(out) + section(out, "Readiness")); bad != "" {
		t.Errorf("a count of levels %q in\n%s", bad, out)
	}
}

// TestReviewNeverDropsAGoalBelowTheBar: an overdue goal on a skill below
// the person's own role's bar gets a new date and a question about what
// is in its way, never an offer to let it go; an overdue goal on a skill
// at the bar may still be let go (issue 20, rule 2).
func TestReviewNeverDropsAGoalBelowTheBar(t *testing.T) {
	src := "name = \"Mark Bello\"\nrole = \"gpm\"\nmanager = \"lee\"\nassessed = 2026-11-16\n\n[levels]\n" +
		levels(t, "gpm", map[string]int{"team-health": 2, "go-to-market": 3}) +
		"\n[[goal]]\ntext = \"Bring team engagement back to 72 in the pulse survey\"\nskills = [\"team-health\"]\ndue = 2026-11-01\n" +
		"\n[[goal]]\ntext = \"Write the launch checklist for every release\"\nskills = [\"go-to-market\"]\ndue = 2026-11-02\n"
	_, out := reviewCase{src: src}.build(t)
	wantLines(t, drafts(out)+"\n", `Next quarter, you work on team health and engagement through "Bring team engagement back to 72…", overdue since 1 November. We keep hiring strategy and team design and topology in focus too. Agreed at our next 1:1: a new date for "Bring team engagement back to 72…", and what is in the way of it. Agreed at our next 1:1: a new date for "Write the launch checklist for every release", or we let it go.`)
}

// TestReviewCarriesPeopleGoalsToTheHandover: a manager whose own file
// asks for the individual-contributor track, with people to hand over,
// keeps the people-management goals only until the hand-over, and the
// review says so; the next period's goals come from the target's bar
// (issue 20, rule 3).
func TestReviewCarriesPeopleGoalsToTheHandover(t *testing.T) {
	src := "name = \"Mika Sato\"\nrole = \"gpm\"\nmanager = \"lee\"\nassessed = 2026-11-17\n\n[levels]\n" +
		levels(t, "gpm", map[string]int{"business-acumen": 2}) +
		"\n[[goal]]\ntext = \"Write the group's hiring plan for 2027\"\nskills = [\"hiring\", \"team-design\"]\ndue = 2026-12-31\n" +
		"\n[[goal]]\ntext = \"Price the platform tier with Finance\"\nskills = [\"business-acumen\"]\ndue = 2027-02-15\n" +
		"\n[aspiration]\ntrack = \"ic\"\n"
	_, out := reviewCase{src: src, reports: []string{"Ana", "Bo"}}.build(t)
	wantLines(t, section(out, "Goals"),
		`Carried only until the hand-over: "Write the group's hiring plan for 2027" is a people-management goal, and Mika keeps it until Ana and Bo are led by someone else. The next period's goals come from the Principal Product Manager bar.`)
	if !strings.Contains(drafts(out), `"Write the group's hiring plan…" is a people-management goal, carried only until the hand-over.`) {
		t.Errorf("the next period's draft does not carry the goal to the hand-over:\n%s", drafts(out))
	}
	if strings.Contains(section(out, "Goals"), `"Price the platform tier with Finance" is a people-management`) {
		t.Errorf("a goal of the target's bar carried as people-management:\n%s", section(out, "Goals"))
	}
	// Staying a manager, nothing is carried.
	_, out = reviewCase{src: strings.Replace(src, "track = \"ic\"", "track = \"manager\"", 1), reports: []string{"Ana", "Bo"}}.build(t)
	if strings.Contains(out, "Carried only until") {
		t.Errorf("people goals carried for a manager staying one:\n%s", section(out, "Goals"))
	}
}

// TestReviewWinWithAPartLeft: a win whose entry records a part still held
// out is a step, and what is left is said as the reason for focus, never
// passed over as something to build on; a plain win is only a step
// (issue 20, rule 4).
func TestReviewWinWithAPartLeft(t *testing.T) {
	src := "name = \"Omar Reed\"\nrole = \"principal-pm\"\nmanager = \"lee\"\nassessed = 2026-11-17\n\n[levels]\n" +
		levels(t, "principal-pm", map[string]int{"stakeholder-relationships": 3, "negotiation": 3}) +
		evidence("2026-10-29", "stakeholder-relationships", "Brought Finance and two product lines to one metering proposal; one line still holds out") +
		evidence("2026-11-10", "negotiation", "Agreed launch scope with Sales without escalation")
	_, out := reviewCase{src: src}.build(t)
	wantLines(t, section(out, "Areas to improve"),
		`- Stakeholder relationships at 3 Proficient, where Principal Product Manager asks for 4 Leading: the latest evidence, of 2026-10-29, is a step towards it, and what is left is the reason to focus on it: "one line still holds out".`,
		`- Negotiation and trade-offs at 3 Proficient, where Principal Product Manager asks for 4 Leading: the latest evidence, of 2026-11-10, is a step towards it.`)
}

// TestReviewDraftsAreTheirOwn: two people re-baselined by the same manager
// in the same commit share no sentence of their drafts once their names
// are set aside: each is written from the person's own levels and goals
// (issue 20, rule 5).
func TestReviewDraftsAreTheirOwn(t *testing.T) {
	build := func(name string, first, goal string) string {
		rebased := levels(t, "senior-pm", nil)
		before := levels(t, "pm", nil)
		before = strings.Replace(before, first+" = 2", first+" = 1", 1)
		_, out := rebaselineCase(t, name, before, rebased,
			"\n[[goal]]\ntext = \""+goal+"\"\nskills = [\"product-strategy\"]\ndue = 2027-01-20\n").build(t)
		first2, _, _ := strings.Cut(name, " ")
		return strings.ReplaceAll(drafts(out), first2, "X")
	}
	a := build("Ben Ode", "negotiation", "Write the renewal strategy and use it in Q1 planning")
	b := build("Cleo Marsh", "stakeholder-relationships", "Write the checkout strategy and use it in Q1 planning")
	seen := map[string]bool{}
	for _, s := range regexp.MustCompile(`[.!?]\s+`).Split(a, -1) {
		seen[strings.TrimSpace(s)] = true
	}
	for _, s := range regexp.MustCompile(`[.!?]\s+`).Split(b, -1) {
		if s = strings.TrimSpace(s); len(strings.Fields(s)) > 6 && seen[s] {
			t.Errorf("said in both drafts: %q", s)
		}
	}
}

// TestReviewRewordsWhatThePlanCannotDo: a goal the plan finds cannot be
// done as written (a calibration with no peer under the same manager) is
// said to be re-worded first, with the plan's reason, and never carried as
// a people-management goal (VP cold read 18, finding 4).
func TestReviewRewordsWhatThePlanCannotDo(t *testing.T) {
	src := "name = \"Mika Sato\"\nrole = \"gpm\"\nmanager = \"lee\"\nassessed = 2026-11-17\n\n[levels]\n" +
		levels(t, "gpm", map[string]int{"business-acumen": 2}) +
		"\n[[goal]]\ntext = \"Write the group's hiring plan for 2027\"\nskills = [\"hiring\", \"team-design\"]\ndue = 2026-12-31\n" +
		"\n[[goal]]\ntext = \"Hold a calibration with the other group leads before the spring reviews\"\nskills = [\"career-development\"]\ndue = 2027-02-15\n" +
		"\n[aspiration]\ntrack = \"ic\"\n"
	_, out := reviewCase{src: src, reports: []string{"Ana", "Bo"}}.build(t)
	wantLines(t, section(out, "Goals"),
		"  - Cannot be done as written, as no other Group Product Manager reports to Lee: to be re-worded at the next 1:1.",
		`Carried only until the hand-over: "Write the group's hiring plan for 2027" is a people-management goal, and Mika keeps it until Ana and Bo are led by someone else. The next period's goals come from the Principal Product Manager bar.`)
	if !strings.Contains(drafts(out), `"Hold a calibration with the other…" cannot be done as written: we re-word it at our next 1:1.`) {
		t.Errorf("the draft does not say the goal is re-worded first:\n%s", drafts(out))
	}
}
