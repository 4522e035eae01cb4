package cycle_test

import (
	"strings"
	"testing"
)

// The rules cold read 10 asked of reviews: each read from the file and
// the plan, with names other than the example's.

// TestReviewAreaWaitsOnAHandOver (finding 20): an area whose goal waits on
// the manager's overdue hand-over says so, with the hand-over's date; an
// area no such goal names says nothing of it.
func TestReviewAreaWaitsOnAHandOver(t *testing.T) {
	src := "name = \"Tariq Osei\"\nrole = \"senior-pm\"\nmanager = \"lee\"\nassessed = 2026-11-19\n\n[levels]\n" +
		levels(t, "gpm", map[string]int{"hiring": 2, "team-design": 2}) +
		"\n[[goal]]\ntext = \"Take over the monthly pricing council\"\nskills = [\"delegation\"]\ndue = 2027-01-15\n"
	mgr := "name = \"Lee Park\"\nrole = \"gpm\"\nmanager = \"rosa\"\nassessed = 2026-11-16\n[levels]\n" +
		"\n[[goal]]\ntext = \"Hand the monthly pricing council to Tariq\"\nskills = [\"delegation\"]\ndue = 2026-10-30\n"
	_, out := reviewCase{src: src, mgr: mgr}.build(t)
	wantLines(t, section(out, "Areas to improve"),
		`- Delegation and team performance at 3 Proficient, the Group Product Manager bar, with no example from work written down yet: "Take over the monthly pricing council", due 2027-01-15, is where it can show; it waits on Lee handing the work over, planned for 2026-10-30 and not done yet.`)
	done := strings.Replace(mgr, "due = 2026-10-30\n", "due = 2026-10-30\ndone = 2026-10-28\n", 1)
	_, out = reviewCase{src: src, mgr: done}.build(t)
	if strings.Contains(out, "waits on") {
		t.Errorf("a hand-over done still said to block the area:\n%s", section(out, "Areas to improve"))
	}
}

// TestReviewAreasForTheNextStep (finding 9): someone ready now for their
// target, with nothing left to show for it, who already leads people, is
// given the areas of the step after it (the people skills
// first, the lowest level first), not "None"; someone whose file asks for
// the individual-contributor track, or for no track and leads nobody, is
// not pointed at a role that leads people; with no track asked for, the
// track is agreed after the promotion.
func TestReviewAreasForTheNextStep(t *testing.T) {
	src := "name = \"Noor Haddad\"\nrole = \"pm\"\nmanager = \"lee\"\nassessed = 2026-11-16\n\n[levels]\n" +
		levels(t, "senior-pm", map[string]int{"coaching": 2})
	// Someone who leads nobody and has not asked for the track that leads
	// people is not pointed at it: the track after the promotion is agreed
	// once it is made (VP cold read 18, finding 17).
	_, out := reviewCase{src: src}.build(t)
	wantLines(t, section(out, "Areas to improve"), "None for Senior Product Manager. After the promotion we agree which track you want next.")
	if got := section(out, "Areas to improve") + drafts(out); strings.Contains(got, "Group Product Manager") {
		t.Errorf("a PM who leads nobody pointed at a role that leads people:\n%s", got)
	}
	// Someone who already leads people is given the areas of the step.
	_, out = reviewCase{src: src, reports: []string{"Ana"}}.build(t)
	wantLines(t, section(out, "Areas to improve"),
		"None for Senior Product Manager: every assessed skill is at its bar. For the step after it, Group Product Manager, these are the areas to grow (13 more skills are short of it):",
		"- Hiring strategy at 1 Aware, where Group Product Manager asks for 2 Practising.",
		"- Team design and topology at 1 Aware, where Group Product Manager asks for 2 Practising.",
		"- Coaching and mentoring at 2 Practising, where Group Product Manager asks for 3 Proficient.")
	_, out = reviewCase{src: src + "\n[aspiration]\ntrack = \"ic\"\n"}.build(t)
	if got := section(out, "Areas to improve"); strings.Contains(got, "Group Product Manager") {
		t.Errorf("an IC-track PM pointed at a role that leads people:\n%s", got)
	}
}

// TestReviewGoalBehindThePace (finding 9): an open goal with a measured
// target is read against the latest reading its own skills' evidence
// records since the plan period began; behind the pace its dates set, the
// review says so under the goal, with what is left and the days left. On
// the pace, or short of it by less than a tenth at the rate so far (cold
// read 11, finding 7), or with no reading, it says nothing.
func TestReviewGoalBehindThePace(t *testing.T) {
	head := "name = \"Ines Varga\"\nrole = \"pm\"\nmanager = \"lee\"\nassessed = 2026-11-16\nplan_start = 2026-06-01\n\n[levels]\n" + levels(t, "pm", nil) +
		"\n[[goal]]\ntext = \"Lift checkout conversion from 20% to 30% by the end of the year\"\nskills = [\"outcome-focus\"]\ndue = 2026-12-31\n" +
		"\n[[goal]]\ntext = \"Cut refund handling from 12 days to 4 days\"\nskills = [\"execution-delivery\"]\ndue = 2027-01-31\n"
	src := head + evidence("2026-11-10", "outcome-focus", "Checkout conversion up from 20% to 24% since June") +
		evidence("2026-11-12", "execution-delivery", "Refund handling down from 12 days to 9 days")
	_, out := reviewCase{src: src}.build(t)
	wantLines(t, section(out, "Goals"),
		"  - Behind the pace: 24% on 2026-11-10, with 6 of the 10 points still to go and 45 days left.",
		"  - Behind the pace: 9 days on 2026-11-12, with 5 of the 8 days still to go and 76 days left.")
	// 7 of 10 points with 76% of the time gone: at the rate so far it
	// lands within a tenth of the target, which is on the pace.
	src = head + evidence("2026-11-10", "outcome-focus", "Checkout conversion up from 20% to 27% since June")
	_, out = reviewCase{src: src}.build(t)
	if strings.Contains(out, "Behind the pace") {
		t.Errorf("a goal on the pace, or with no reading, flagged:\n%s", section(out, "Goals"))
	}
}

// TestReviewSaysTheMoveToIC (finding 15): a manager whose own file asks
// for the individual-contributor track has the move and the hand-over of
// their people said first, as the period's main event; a manager staying,
// or someone who leads no one, has no such line.
func TestReviewSaysTheMoveToIC(t *testing.T) {
	src := "name = \"Mika Sato\"\nrole = \"gpm\"\nmanager = \"lee\"\nassessed = 2026-11-17\n\n[levels]\n" + levels(t, "gpm", nil) +
		"\n[aspiration]\ntrack = \"ic\"\n"
	_, out := reviewCase{src: src, reports: []string{"Ana", "Bo", "Cy Diaz"}}.build(t)
	head, _, _ := strings.Cut(out, "## The manager's summary")
	wantLines(t, head, "The main event of the period: Mika wants to move to the individual-contributor track, towards Principal Product Manager, handing over Ana, Bo and Cy Diaz. Who leads each of them, and from when, is agreed with Lee Park before anything is announced; handing them over well is part of the move, and of Mika's next review.")
	for _, c := range []reviewCase{
		{src: strings.Replace(src, "track = \"ic\"", "track = \"manager\"", 1), reports: []string{"Ana"}},
		{src: src},
	} {
		if _, out := c.build(t); strings.Contains(out, "main event") {
			t.Errorf("a move said for a manager staying, or with nobody to hand over:\n%s", out)
		}
	}
}

// TestReviewDrafts (finding 9): each manager's section opens with a draft
// written from the review: the goals met with their outcome, the work of
// the period with the person as its subject, a goal behind the pace; the
// strengths with their examples and the areas; the focus through its
// goals and the manager's part. A short marker says whose draft it is.
func TestReviewDrafts(t *testing.T) {
	src := "name = \"Ines Varga\"\nrole = \"pm\"\nmanager = \"lee\"\nassessed = 2026-11-16\nplan_start = 2026-06-01\n\n[levels]\n" +
		levels(t, "pm", map[string]int{"customer-insight": 4, "negotiation": 1}) +
		"\n[[goal]]\ntext = \"Lift checkout conversion from 20% to 30% by the end of the year\"\nskills = [\"outcome-focus\"]\ndue = 2026-12-31\n" +
		"\n[[goal]]\ntext = \"Launch saved carts in two markets\"\nskills = [\"execution-delivery\"]\ndue = 2026-10-31\ndone = 2026-10-20\noutcome = \"Launched in both markets a week early\"\n" +
		evidence("2026-05-10", "customer-insight", "Interviewed nine merchants and rewrote the checkout backlog from what they said") +
		evidence("2026-11-10", "outcome-focus", "Checkout conversion up from 20% to 24% since June") +
		evidence("2026-11-12", "communication", "The weekly checkout note is now read by Sales and Support")
	_, out := reviewCase{src: src}.build(t)
	marker := "*Draft, for Lee to edit.* <!-- coach:draft -->"
	wantLines(t, section(out, "The manager's summary"), marker,
		`You met your goal "Launch saved carts in two markets" on 20 October: you launched in both markets a week early. By November, your weekly checkout note was read by Sales and Support. Checkout conversion up from 20% to 24% since June, as of November. "Lift checkout conversion from 20%…" is behind the pace: 24% on 10 November, with 6 of the 10 points still to go and 45 days left. You are not yet ready for Senior Product Manager: the Product Manager bar comes first, in negotiation and trade-offs, by the 2027-Q1 review.`)
	wantLines(t, section(out, "Areas to improve"), marker,
		`Customer insight is still your strongest suit: on 10 May, you interviewed nine merchants and rewrote the checkout backlog from what they said. That was in May: I'd like a Q4 example of your customer insight. Where I want you to grow first: negotiation and trade-offs, still below the Product Manager bar. Then, towards Senior Product Manager: outcomes and metrics and communication up, down and sideways.`)
	wantLines(t, section(out, "Focus for the next period"), marker,
		`This quarter closes with "Lift checkout conversion from 20%…" (31 December). Next quarter, your focus is negotiation and trade-offs, outcomes and metrics and communication up, down and sideways.`)
}

// TestReviewDraftNeverLowersAName: an entry that opens with a name, or with
// a word that only looks like a past tense, is quoted as written; one that
// opens with a verb in the past has the person as its subject.
func TestReviewDraftNeverLowersAName(t *testing.T) {
	src := "name = \"Ines Varga\"\nrole = \"pm\"\nmanager = \"lee\"\nassessed = 2026-11-16\n\n[levels]\n" + levels(t, "pm", nil) +
		evidence("2026-11-10", "communication", "Finance now quotes the weekly checkout note") +
		evidence("2026-11-11", "execution-delivery", "Speed of the release train doubled") +
		evidence("2026-11-12", "outcome-focus", "Wrote the metric tree for checkout")
	_, out := reviewCase{src: src}.build(t)
	wantLines(t, section(out, "The manager's summary"),
		`On 12 November, you wrote the metric tree for checkout. Speed of the release train doubled, as of November. Finance now quotes the weekly checkout note, as of November. You are solid as a Product Manager, with the Senior Product Manager bar still ahead in outcomes and metrics, communication up, down and sideways and execution and delivery, among others, realistically 18-24 months away.`)
}
