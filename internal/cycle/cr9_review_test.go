package cycle_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestReviewBuildOnWithoutStrength (cold read 9, finding 3): with no
// strength to name, the review says what the person's own evidence shows
// they can build on, about them, never a rule of the tool: the skill at
// the role's bar an entry shows first, else the first step an entry
// records towards a bar.
func TestReviewBuildOnWithoutStrength(t *testing.T) {
	src := "name = \"Kofi Mensah\"\nrole = \"gpm\"\nmanager = \"lee\"\nassessed = 2026-11-20\n\n[levels]\n" +
		levels(t, "gpm", map[string]int{"execution-delivery": 4, "coaching": 2}) +
		evidence("2026-10-14", "coaching", "Ran the first career conversation with a report, her development plan open")
	_, out := reviewCase{src: src}.build(t)
	wantLines(t, section(out, "Strengths"),
		`Nothing Kofi does above the Group Product Manager bar has an example from work behind it yet. What Kofi can build on are the highest levels, on the assessment of 2026-11-20: Execution and delivery (4 Leading, above the 3 the job asks for), Communication up, down and sideways (4 Leading, the Group Product Manager bar) and Cross-functional collaboration (4 Leading, the Group Product Manager bar).`)
	if strings.Contains(section(out, "Strengths"), "Coaching") {
		t.Errorf("a step below the bar named to build on (cold read 10, finding 13):\n%s", section(out, "Strengths"))
	}
	// An entry on a skill at the bar comes first: the job done well.
	src += evidence("2026-09-02", "communication", "Wrote the quarterly update the board now quotes")
	_, out = reviewCase{src: src}.build(t)
	wantLines(t, section(out, "Strengths"),
		`Nothing Kofi does above the Group Product Manager bar has an example from work behind it yet. What Kofi can build on is Communication up, down and sideways, at the Group Product Manager bar, 4 Leading: on 2026-09-02, "Wrote the quarterly update the board now quotes".`)
	if strings.Contains(out, "a strength is named with") {
		t.Errorf("a rule of the tool said in the review:\n%s", section(out, "Strengths"))
	}
}

// TestReviewTooEarlyForStrengths: too few levels to read a strength
// against a bar is said of the person, with what their work shows.
func TestReviewTooEarlyForStrengths(t *testing.T) {
	src := "name = \"Ivy Chen\"\nrole = \"apm\"\nmanager = \"lee\"\nassessed = 2026-11-10\njoined = 2026-06-01\n\n[levels]\ncommunication = 2\ncustomer-insight = 2\nexecution-delivery = 2\n" +
		evidence("2026-10-20", "execution-delivery", "Shipped the saved-cards fix on the date she committed to")
	_, out := reviewCase{src: src}.build(t)
	want := "\nToo early to name strengths: Ivy has a level in only a few skills so far, and the first full assessment is still to come. What stands out so far: Execution and delivery, on 2026-10-20, \"Shipped the saved-cards fix on the date she committed to\".\n"
	if diff := cmp.Diff(want, section(out, "Strengths")); diff != "" {
		t.Errorf("strengths (-want +got):\n%s", diff)
	}
}

// TestReviewStrengthQuotesNoDroppedPractice (cold read 9, finding 1): the
// newest entry on a skill speaks for it; a practice a goal on the skill
// dropped since is not quoted, the entry before it is (cold read 10,
// finding 10), and a setback as the newest word means no strength.
func TestReviewStrengthQuotesNoDroppedPractice(t *testing.T) {
	src := "name = \"Chloe Martin\"\nrole = \"pm\"\nmanager = \"lee\"\nassessed = 2026-11-18\n\n[levels]\n" +
		levels(t, "pm", map[string]int{"outcome-focus": 4, "communication": 4}) +
		"\n[[goal]]\ntext = \"Run a launch review for every release\"\nskills = [\"outcome-focus\"]\ndue = 2026-12-15\ndropped = 2026-11-18\noutcome = \"Replaced by one monthly review\"\n" +
		evidence("2026-07-08", "outcome-focus", "Rewrote the roadmap as three outcomes") +
		evidence("2026-09-09", "outcome-focus", "Held launch reviews for the last three releases") +
		evidence("2026-10-01", "communication", "Monthly update now read and quoted by Finance")
	_, out := reviewCase{src: src}.build(t)
	got := section(out, "Strengths")
	wantLines(t, got,
		`- Communication up, down and sideways at 4 Leading, above the 3 Proficient Senior Product Manager asks for: shown on 2026-10-01, "Monthly update now read and quoted by Finance".`,
		`- Outcomes and metrics at 4 Leading, above the 3 Proficient Senior Product Manager asks for: shown on 2026-07-08, "Rewrote the roadmap as three outcomes", carried from earlier in the year; nothing new on it this quarter yet.`)
	if strings.Contains(got, "launch reviews") {
		t.Errorf("a dropped practice quoted as a strength:\n%s", got)
	}
	only := strings.Replace(src, evidence("2026-07-08", "outcome-focus", "Rewrote the roadmap as three outcomes"), "", 1)
	_, out = reviewCase{src: only}.build(t)
	wantLines(t, section(out, "Strengths"),
		`Outcomes and metrics at 4 Leading is above the 3 Proficient Senior Product Manager asks for, but has no example written down yet, so it is not named a strength: the plan asks Chloe to bring one to the next review, one that others saw.`)
	src = strings.Replace(src, "Monthly update now read and quoted by Finance", "Monthly update still late every month", 1)
	_, out = reviewCase{src: src}.build(t)
	if strings.Contains(section(out, "Strengths"), "Communication") {
		t.Errorf("a skill whose newest entry is a setback named a strength:\n%s", section(out, "Strengths"))
	}
}

// TestReviewPromotionStep (cold read 9, finding 6): for someone ready now,
// the review says the plan's promotion step, who makes the case and when
// (and, at the target's bar for months, when the plan holds the
// conversation about staying: seen in the example's Nora).
func TestReviewPromotionStep(t *testing.T) {
	src := "name = \"Nora Reyes\"\nrole = \"pm\"\nmanager = \"lee\"\nassessed = 2026-11-16\nplan_start = 2026-06-01\n\n[levels]\n" +
		levels(t, "senior-pm", nil)
	h := assessment(t, levels(t, "senior-pm", nil), "c1", "2026-07-28", "Lee Park")
	_, out := reviewCase{src: src, history: h, previous: day("2026-07-28")}.build(t)
	wantLines(t, section(out, "Readiness"),
		"Lee Park makes the case for Nora as Senior Product Manager at the next promotion round, with the evidence in the plan.")
	// Not ready (a lower level with an example behind it): no promotion step.
	lower := strings.Replace(src, "negotiation = 3", "negotiation = 2", 1) + evidence("2026-10-20", "negotiation", "Gave the vendor the discount before asking for anything back")
	_, out = reviewCase{src: lower, history: h, previous: day("2026-07-28")}.build(t)
	if strings.Contains(out, "promotion round") {
		t.Errorf("a promotion step for someone not ready:\n%s", section(out, "Readiness"))
	}
}

// TestReviewAreasAreNotPadded (cold read 9, finding 5): a skill at the
// target's bar that nothing shows yet is an area only with the reason said,
// the open goal where it can show; without one it is left out, and the
// review does not claim something on file shows it. (On the
// individual-contributor track, so that no step into a role that leads
// people is named instead: TestReviewAreasForTheNextStep.)
func TestReviewAreasAreNotPadded(t *testing.T) {
	src := "name = \"Nora Reyes\"\nrole = \"pm\"\nmanager = \"lee\"\nassessed = 2026-11-16\n\n[aspiration]\ntrack = \"ic\"\n\n[levels]\n" + levels(t, "senior-pm", nil)
	_, out := reviewCase{src: src}.build(t)
	if diff := cmp.Diff("\nNone: every assessed skill is at the Senior Product Manager bar.\n\n<!-- The strengths and areas to improve in your words, each with an example Nora will recognise. -->\n<!-- coach:manager growth -->\n<!-- /coach:manager -->\n",
		section(out, "Areas to improve")); diff != "" {
		t.Errorf("areas (-want +got):\n%s", diff)
	}
	src += "\n[[goal]]\ntext = \"Take the Q1 planning trade-offs to Sales\"\nskills = [\"negotiation\"]\ndue = 2027-01-31\n"
	_, out = reviewCase{src: src}.build(t)
	wantLines(t, section(out, "Areas to improve"),
		`- Negotiation and trade-offs at 3 Proficient, the Senior Product Manager bar, with no example from work written down yet: "Take the Q1 planning trade-offs to Sales", due 2027-01-31, is where it can show.`)
}

// TestReviewShortAsThePlanCounts (cold read 9, finding 7): the review's
// short list and count come from the plan's own count, with a raise that
// nothing written down shows counted at its earlier level, as the plan
// counts it.
func TestReviewShortAsThePlanCounts(t *testing.T) {
	first := levels(t, "gpm", nil)
	raised := levels(t, "gpm", map[string]int{"product-strategy": 4, "market-knowledge": 4, "execution-delivery": 4})
	src := "name = \"Sam Lee\"\nrole = \"gpm\"\nmanager = \"lee\"\nassessed = 2026-11-17\nplan_start = 2026-05-12\n\n[levels]\n" + raised
	hist := assessment(t, first, "c1", "2026-05-12", "Lee Park")
	for _, c := range assessment(t, raised, "c2", "2026-11-17", "Lee Park") {
		for _, b := range hist {
			if b.Skill == c.Skill && b.To != c.To {
				c.From = b.To
				hist = append(hist, c)
			}
		}
	}
	r, _, pl := reviewCase{src: src, history: hist}.buildWithPlan(t)
	if pl.RaisedOn() == "" {
		t.Fatalf("the case needs a raise the plan counts at its earlier levels")
	}
	if r.Readiness.Met != pl.Counted().Met {
		t.Errorf("review counts %d at the bar, the plan %d", r.Readiness.Met, pl.Counted().Met)
	}
	if pl.Counted().Met == pl.Readiness.Met {
		t.Fatalf("the case needs raises that change the count: %d", pl.Readiness.Met)
	}
}
