package cycle_test

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/coach-dev/coach/internal/cycle"
	"github.com/coach-dev/coach/plans"
	"github.com/coach-dev/coach/skills"
	"github.com/coach-dev/coach/templates"
)

// reviewCase is one person's 2026-Q4 review, built from a skill file as it
// stands and its history, and rendered with the built-in template.
type reviewCase struct {
	src     string
	history []skills.Change
	// previous is the assessed date of the file at the end of 2026-Q3; the
	// previous plan is the file's own when set or history holds a change
	// before the quarter.
	previous time.Time
	// prevSrc is the file at the end of 2026-Q3, when it differs; plan
	// the history the plan is built from, when it leaves out the commit
	// of the file as it stands.
	prevSrc string
	plan    []skills.Change
	// over reads the review as of the period's last day, once it is over,
	// not as of the file's assessed date.
	over bool
	// raters name the manager each commit's version named.
	raters map[string]string
	// self and selfBefore are the self-reviews of 2026-Q4 and 2026-Q3.
	self, selfBefore []cycle.SelfSection
	// mgr is the manager's file, Lee Park's, when the default (a VP with
	// no levels) will not do; reports are the manager's other people.
	mgr     string
	reports []string
	// feedback are the dates of peer feedback about the person.
	feedback []string
}

func (c reviewCase) build(t *testing.T) (*cycle.Review, string) {
	t.Helper()
	r, out, _ := c.buildWithPlan(t)
	return r, out
}

// buildWithPlan is build, with the plan the review is built from.
func (c reviewCase) buildWithPlan(t *testing.T) (*cycle.Review, string, *plans.Plan) {
	t.Helper()
	m, err := skills.DefaultMatrix()
	if err != nil {
		t.Fatal(err)
	}
	p, probs := skills.DecodePerson("skills/x.toml", []byte(c.src), m)
	if probs.Errors() > 0 {
		t.Fatalf("%v", probs)
	}
	p.ID = "x"
	mgrSrc := "name = \"Lee Park\"\nrole = \"vp\"\nmanager = \"rosa\"\n[levels]\n"
	if c.mgr != "" {
		mgrSrc = c.mgr
	}
	mgr, probs := skills.DecodePerson("skills/lee.toml", []byte(mgrSrc), m)
	if probs.Errors() > 0 {
		t.Fatalf("%v", probs)
	}
	mgr.ID = "lee"
	boss, _ := skills.DecodePerson("skills/rosa.toml", []byte("name = \"Rosa Lind\"\nrole = \"cpo\"\n[levels]\n"), m)
	boss.ID = "rosa"
	team := []*skills.Person{p, mgr, boss}
	planned := c.history
	if c.plan != nil {
		planned = c.plan
	}
	pl, err := plans.Build(plans.Input{Matrix: m, Config: skills.DefaultConfig(), Person: p, Team: team, History: planned})
	if err != nil {
		t.Fatal(err)
	}
	q4, _ := cycle.QuarterPeriod("2026-Q4")
	in := cycle.ReviewInput{Matrix: m, Config: skills.DefaultConfig(), Period: q4, Person: p, Current: !c.over, Plan: pl, History: c.history,
		PlanHistory: planned, PreviousAssessed: c.previous, Raters: c.raters, Self: c.self, SelfBefore: c.selfBefore, SelfBeforePeriod: "2026-Q3", Feedback: c.feedback,
		Reports: c.reports}
	if !c.previous.IsZero() || len(c.history) > 0 && c.history[0].Date.Before(q4.Start) {
		in.Previous = pl
	}
	if c.prevSrc != "" {
		old, probs := skills.DecodePerson("skills/x.toml", []byte(c.prevSrc), m)
		if probs.Errors() > 0 {
			t.Fatalf("%v", probs)
		}
		old.ID = "x"
		var before []skills.Change
		for _, ch := range c.history {
			if ch.Date.Before(q4.Start) {
				before = append(before, ch)
			}
		}
		if in.Previous, err = plans.Build(plans.Input{Matrix: m, Config: skills.DefaultConfig(), Person: old, Team: team, History: before}); err != nil {
			t.Fatal(err)
		}
	}
	r, err := cycle.BuildReview(in)
	if err != nil {
		t.Fatal(err)
	}
	set, err := templates.Load(fstest.MapFS{})
	if err != nil {
		t.Fatal(err)
	}
	out, err := set.Render("review.md.tmpl", r)
	if err != nil {
		t.Fatal(err)
	}
	return r, string(out), pl
}

// section is the text of the review's section under heading, up to the
// next one.
func section(review, heading string) string {
	_, after, _ := strings.Cut(review, "\n## "+heading+"\n")
	before, _, _ := strings.Cut(after, "\n## ")
	return before
}

// levels writes every skill at role's bar, then the overrides.
func levels(t *testing.T, role string, over map[string]int) string {
	t.Helper()
	m, _ := skills.DefaultMatrix()
	var b strings.Builder
	for _, s := range m.Skills {
		lvl := max(1, s.Expect[role])
		if v, ok := over[s.ID]; ok {
			lvl = v
		}
		if lvl > 0 {
			fmt.Fprintf(&b, "%s = %d\n", s.ID, lvl)
		}
	}
	return b.String()
}

func evidence(day, skill, text string) string {
	return fmt.Sprintf("\n[[evidence]]\ndate = %s\nskill = %q\ntext = %q\n", day, skill, text)
}

func day(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }

// assessment is a commit that set every level of src at once.
func assessment(t *testing.T, src, commit, on, author string) []skills.Change {
	t.Helper()
	var out []skills.Change
	for _, line := range strings.Split(src, "\n") {
		k, v, ok := strings.Cut(line, " = ")
		if ok {
			out = append(out, skills.Change{Person: "x", Commit: commit, Date: day(on), Author: author, Kind: skills.KindLevel, Skill: k, To: v})
		}
	}
	return out
}

func wantLines(t *testing.T, text string, lines ...string) {
	t.Helper()
	for _, l := range lines {
		if !strings.Contains("\n"+text+"\n", "\n"+l+"\n") {
			t.Errorf("missing the line\n%s\nin\n%s", l, text)
		}
	}
}

// TestReviewAreaNamesItsBar: an area is measured against the bar it falls
// short of, the current role's while below it, and only against the
// target's when it says so; it quotes the setback (the clause that
// records it), never a success; a strength has evidence behind it; the
// areas with nothing written down are listed once.
func TestReviewAreaNamesItsBar(t *testing.T) {
	src := "name = \"Marcus Bell\"\nrole = \"gpm\"\nmanager = \"lee\"\nassessed = 2026-11-16\n\n[levels]\n" +
		levels(t, "gpm", map[string]int{"delegation": 2, "team-health": 2, "execution-delivery": 4, "customer-insight": 5, "coaching": 2}) +
		evidence("2026-11-13", "delegation", "Still reviews every PRD line by line; specs wait two days for his sign-off") +
		evidence("2026-10-05", "execution-delivery", "Shipped the checkout redesign on the date promised to Sales") +
		evidence("2026-11-01", "team-health", "Ran a team retro; two of its actions shipped")
	_, out := reviewCase{src: src}.build(t)
	wantLines(t, section(out, "Areas to improve"),
		`- Delegation and team performance at 2 Practising, where Group Product Manager asks for 3 Proficient: the latest setback, of 2026-11-13, "Still reviews every PRD line by line".`,
		`- Team health and engagement at 2 Practising, where Group Product Manager asks for 3 Proficient: the latest evidence, of 2026-11-01, is a step towards it.`,
		`- Coaching and mentoring at 2 Practising, where Group Product Manager asks for 3 Proficient.`,
		`<!-- No example from work is written down yet for Coaching and mentoring: add one Marcus will recognise before the review is shared. -->`)
	// What the manager still has to write is said to the manager, in a
	// comment, not to the person in the review's text.
	if strings.Contains(strings.ReplaceAll(out, "<!-- No example", ""), "No example") {
		t.Errorf("the manager's homework is in the review's text:\n%s", section(out, "Areas to improve"))
	}
	if strings.Contains(section(out, "Areas to improve"), "two of its actions shipped") {
		t.Errorf("a success quoted as an area to improve:\n%s", section(out, "Areas to improve"))
	}
	// The plan's strengths: the one evidence shows. The top of the scale
	// on the level alone is not one, as the plan does not name it (VP
	// cold read 20): said as the plan says it, with the example the
	// manager is asked for.
	if diff := cmp.Diff(strings.Join([]string{"",
		`- Execution and delivery at 4 Leading, above the 3 Proficient Group Product Manager asks for: shown on 2026-10-05, "Shipped the checkout redesign on the date promised to Sales".`,
		"",
		`Customer insight at 5 Shaping is above the 4 Leading Group Product Manager asks for, but has no example written down yet, so it is not named a strength: the plan asks Marcus to bring one to the next review, one that others saw.`,
		`<!-- No example written down for Customer insight: write one Marcus will recognise, and the review names it a strength. -->`,
		""}, "\n"), section(out, "Strengths")); diff != "" {
		t.Errorf("strengths (-want +got):\n%s", diff)
	}
}

// TestReviewStrengthsAreThePlans: a review names the plan's strengths
// (plans.Plan.Strengths), in its order: a skill at the current role's bar is
// the job done, never a strength, even with an example behind it; the top
// of the scale is one, said as such.
func TestReviewStrengthsAreThePlans(t *testing.T) {
	src := "name = \"Alice Example\"\nrole = \"senior-pm\"\nmanager = \"lee\"\nassessed = 2026-11-10\n\n[levels]\n" +
		levels(t, "senior-pm", map[string]int{"customer-insight": 4, "ux-discovery": 4}) +
		evidence("2026-06-15", "customer-insight", "Published the pricing landscape from 14 interviews; used in Q3 planning") +
		evidence("2026-06-10", "ux-discovery", "Tested the pricing page prototype with five customers before build") +
		evidence("2026-07-20", "ux-discovery", "Ran the onboarding usability study with Design") +
		evidence("2026-07-14", "communication", "Wrote the pricing decision as an exec memo, a team walkthrough and a sales note")
	r, out, pl := reviewCase{src: src}.buildWithPlan(t)
	if diff := cmp.Diff(strings.Join([]string{"",
		`- Product discovery and UX at 4 Leading, above the 3 Proficient Senior Product Manager asks for: shown on 2026-07-20, "Ran the onboarding usability study with Design".`,
		`- Customer insight at 4 Leading, above the 3 Proficient Senior Product Manager asks for: shown on 2026-06-15, "Published the pricing landscape from 14 interviews; used in Q3 planning".`,
		"",
		// Said once for both (VP cold read 17), not under each.
		"Both examples are carried from earlier in the year; nothing new on either this quarter yet.",
		""}, "\n"), section(out, "Strengths")); diff != "" {
		t.Errorf("strengths (-want +got):\n%s", diff)
	}
	var got, want []string
	for _, pt := range r.Strengths {
		got = append(got, pt.Skill.ID)
	}
	for _, st := range pl.Strengths {
		want = append(want, st.ID)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("the review's strengths are not the plan's (-plan +review):\n%s", diff)
	}

	top := "name = \"Rosa Lind\"\nrole = \"vp\"\nmanager = \"lee\"\nassessed = 2026-11-10\n\n[levels]\n" +
		levels(t, "vp", map[string]int{"communication": 5}) +
		evidence("2026-10-02", "communication", "Took the board through the 2027 plan in one page; no follow-up questions")
	_, out = reviewCase{src: top}.build(t)
	wantLines(t, section(out, "Strengths"),
		`- Communication up, down and sideways at 5 Shaping, the top of the scale: shown on 2026-10-02, "Took the board through the 2027 plan in one page; no follow-up questions".`)
}

// TestReviewSelfFromTheFile: the person's own levels are read from the
// file, also for a new hire whose plan does not open the conversation yet;
// a file with none says so. A new hire's first 90 days name no strength
// and no area to improve.
func TestReviewSelfFromTheFile(t *testing.T) {
	src := "name = \"Sam Patel\"\nrole = \"apm\"\nmanager = \"lee\"\nassessed = 2026-11-17\njoined = 2026-10-12\n\n[levels]\n" +
		"communication = 2\nstakeholder-relationships = 1\ntechnical-fluency = 2\ncustomer-insight = 2\noutcome-focus = 1\n" +
		"\n[self]\ntechnical-fluency = 3\n" +
		evidence("2026-11-05", "customer-insight", "Sat in on six support calls and summarised the top three problems")
	r, out := reviewCase{src: src}.build(t)
	if r.Verdict.Kind != "onboarding" {
		t.Fatalf("verdict %q, want onboarding", r.Verdict.Kind)
	}
	wantLines(t, out,
		"- Technical fluency: Sam says 3 Proficient, the manager 2 Practising.",
		`Too early to name strengths: Sam joined on 2026-10-12. What stands out so far: Customer insight, on 2026-11-05, "Sat in on six support calls and summarised the top three problems".`,
		"None yet: no skill is called a gap until Sam's first full assessment.")
	// With nothing written down, when the first full assessment is (VP
	// cold read 20, finding 4): never a rule of the tool.
	_, out = reviewCase{src: strings.Replace(src, evidence("2026-11-05", "customer-insight", "Sat in on six support calls and summarised the top three problems"), "", 1)}.build(t)
	if diff := cmp.Diff("\nToo early to name strengths: Sam joined on 2026-10-12. Nothing from the work is written down yet; the first full assessment is on 2027-01-10.\n", section(out, "Strengths")); diff != "" {
		t.Errorf("strengths with nothing written down (-want +got):\n%s", diff)
	}

	_, out = reviewCase{src: strings.Replace(src, "\n[self]\ntechnical-fluency = 3\n", "", 1)}.build(t)
	wantLines(t, section(out, "Where Sam and the manager differ"), "Sam has not rated any skill yet: there is no self-assessment to compare with.")

	// Agreement on the skills rated is said of those, never of every
	// skill (cold read 12, finding 8).
	_, out = reviewCase{src: strings.Replace(src, "technical-fluency = 3\n", "technical-fluency = 2\n", 1)}.build(t)
	wantLines(t, section(out, "Where Sam and the manager differ"), "Nowhere: on the one skill Sam rated, the two levels agree.")
	_, out = reviewCase{src: strings.Replace(src, "technical-fluency = 3\n", "technical-fluency = 2\ncommunication = 2\n", 1)}.build(t)
	wantLines(t, section(out, "Where Sam and the manager differ"), "Nowhere: on each of the 2 skills Sam rated, Sam's own level is the manager's.")
}

// TestReviewComparesWithTheLastAssessment: the day the verdict is compared
// with is an assessment before the period, the file's assessed date then,
// else the day its last level was recorded, never an evidence date inside
// the period.
func TestReviewComparesWithTheLastAssessment(t *testing.T) {
	lv := levels(t, "senior-pm", nil)
	src := "name = \"Nora Diaz\"\nrole = \"senior-pm\"\nmanager = \"lee\"\nassessed = 2026-11-16\n\n[levels]\n" + lv +
		evidence("2026-10-21", "coaching", "Coached a new APM through his first experiment design")
	hist := assessment(t, lv, "c1", "2026-07-28", "Lee Park")
	_, out := reviewCase{src: src, history: hist}.build(t)
	wantLines(t, section(out, "Readiness"), "Unchanged since 28 July, the last assessment before the period: most of the Group Product Manager bar was still ahead then too.")
	_, out = reviewCase{src: src, history: hist, previous: day("2026-09-10")}.build(t)
	wantLines(t, section(out, "Readiness"), "Unchanged since 10 September, the last assessment before the period: most of the Group Product Manager bar was still ahead then too.")
}

// TestReviewReturnFromLeave: the entry recording the return is never an
// area's evidence; a level set lower after it is a starting point, not a
// level that moved (cold read 10, finding 2): said apart from the levels
// that moved, at the level it starts from and never with the one before,
// and not counted as a change of the verdict; the leave's reason is never
// said; the areas and the focus agree.
func TestReviewReturnFromLeave(t *testing.T) {
	lv := levels(t, "director", nil)
	back := strings.Replace(lv, "market-knowledge = 4", "market-knowledge = 3", 1)
	src := "name = \"Dana Whitfield\"\nrole = \"director\"\nmanager = \"lee\"\nassessed = 2026-11-03\n\n[levels]\n" + back +
		evidence("2026-10-19", "stakeholder-relationships", "Back from six months of parental leave; met each of her managers in her first two weeks")
	hist := append(assessment(t, lv, "c1", "2026-03-16", "Lee Park"),
		skills.Change{Person: "x", Commit: "c2", Date: day("2026-11-03"), Author: "Lee Park", Kind: skills.KindLevel, Skill: "market-knowledge", From: "4", To: "3"})
	prev := "name = \"Dana Whitfield\"\nrole = \"director\"\nmanager = \"lee\"\nassessed = 2026-03-16\n\n[levels]\n" + lv
	_, out := reviewCase{src: src, history: hist, prevSrc: prev}.build(t)
	wantLines(t, out,
		"No level moved in the period.",
		"Set in the assessment of 2026-11-03, as Dana's fresh start: Industry and market knowledge at 3 Proficient, a level to start from and to re-assess together at the calibration, not a level that moved in the period.",
		"None this period: the focus is Dana's own goals, and industry and market knowledge is a level to re-assess together with Dana at the calibration, not an area to improve.",
		`1. Industry and market knowledge: at 3 Proficient on this assessment, a level to re-assess together with Dana at the calibration.`)
	for _, sec := range []string{"Readiness", "Levels that moved", "Areas to improve", "Focus for the next period"} {
		if s := section(out, sec); strings.Contains(s, "parental") || strings.Contains(s, "rated down") || strings.Contains(s, "4 Leading") {
			t.Errorf("%s says the leave's reason, or the level as a decline:\n%s", sec, s)
		}
	}
	if strings.Contains(section(out, "Areas to improve"), "parental leave") || strings.Contains(section(out, "Strengths"), "parental leave") {
		t.Errorf("the return from leave quoted as a strength or an area:\n%s", out)
	}
	wantLines(t, section(out, "Readiness"), "The same verdict as at 16 March, the last assessment before the period; Industry and market knowledge at 3 Proficient, set for Dana's fresh start, is a level to start from, not a change.")
	// A review feeds calibration: why and how long the person was away
	// is never said, and the evidence quotes the work of the return alone
	// (VP cold read: "Dana came back from leave on 2026-10-19"); the
	// manager's summary opens with the work and says it was the return,
	// once (VP cold read 18, finding 15: without it, it read as a new
	// hire's review).
	wantLines(t, out, "  - 2026-10-19: Met each of her managers in her first two weeks")
	if want := "Back from leave on 19 October, you met each of your managers in your first two weeks. This quarter is a fresh start, led by your own goals. "; !strings.Contains(out, want) {
		t.Errorf("the summary does not open with the work of the return:\n%s", out)
	}
	if n := strings.Count(strings.ToLower(out), "leave"); n != 1 || strings.Contains(section(out, "Evidence in the period"), "leave") {
		t.Errorf("the leave said %d times, or in the evidence:\n%s", n, out)
	}
	if r, _ := (reviewCase{src: src, history: hist, prevSrc: prev}).build(t); len(r.Moved) != 0 {
		t.Errorf("the level set on the return is listed as moved: %+v", r.Moved)
	}
}

// TestReviewSummaryReadsTheMoves: the readiness summary is read from the
// levels the review lists as moved, downs included: a level that fell
// while the verdict stayed is named there, never "unchanged"; with none
// moved, it is.
func TestReviewSummaryReadsTheMoves(t *testing.T) {
	lv := levels(t, "gpm", map[string]int{"delegation": 2})
	src := "name = \"Mark Bello\"\nrole = \"gpm\"\nmanager = \"lee\"\nassessed = 2026-11-16\n\n[levels]\n" +
		strings.Replace(lv, "coaching = 3", "coaching = 2", 1)
	hist := append(assessment(t, lv, "c1", "2026-08-24", "Lee Park"),
		skills.Change{Person: "x", Commit: "c2", Date: day("2026-11-16"), Author: "Lee Park", Kind: skills.KindLevel, Skill: "coaching", From: "3", To: "2"})
	prev := "name = \"Mark Bello\"\nrole = \"gpm\"\nmanager = \"lee\"\nassessed = 2026-08-24\n\n[levels]\n" + lv
	_, out := reviewCase{src: src, history: hist, prevSrc: prev}.build(t)
	wantLines(t, section(out, "Levels that moved"), "- Coaching and mentoring: 3 Proficient to 2 Practising, on 2026-11-16, with no example from work written down behind the lower level.")
	wantLines(t, section(out, "Readiness"), "The same verdict as at 24 August, the last assessment before the period; in the period, Coaching and mentoring went from 3 Proficient to 2 Practising.")
	if strings.Contains(out, "Unchanged since") {
		t.Errorf("a level moved in the period, and the summary says unchanged:\n%s", section(out, "Readiness"))
	}
}

// TestReviewHeldOnARebaseline: a re-baseline nobody calibrated is not
// growth: the readiness names, never counts, the skills short before it and
// what the re-baseline alone says, and the review reads one
// set of levels, the re-baseline's, saying once (in its header) whose they
// are and that they are not calibrated; the focus and the areas read the
// same levels. The person's own rating below the re-baseline's is a level
// to settle in the calibration, and a level the re-baseline set at the bar
// with nothing behind it is an area.
func TestReviewHeldOnARebaseline(t *testing.T) {
	first := levels(t, "pm", map[string]int{"customer-insight": 3, "negotiation": 1})
	rebased := levels(t, "senior-pm", nil)
	r, out := rebaselineCase(t, "Ben Ode", first, rebased, "\n[self]\nnegotiation = 2\n"+
		evidence("2026-06-01", "customer-insight", "Summarised twelve onboarding interviews; dropped the tour carousel from the roadmap")).build(t)
	if r.Verdict.Kind != "held" {
		t.Fatalf("verdict %q, want held", r.Verdict.Kind)
	}
	wantLines(t, out,
		"- Levels, throughout this review: Lee Park's first assessment as Ben's manager, on 2026-11-18, not yet calibrated",
		`The verdict for Senior Product Manager is "held until calibration": Lee Park's new levels, set all at once, are a fresh starting point, not growth; on them alone, every assessed skill is at the Senior Product Manager bar.`,
		`At 12 May, the last assessment before the period, the verdict was "not yet: the current role first": before the levels were set anew, Negotiation and trade-offs, Communication up, down and sideways and Stakeholder relationships, among others, were short of the Senior Product Manager bar, and the calibration, by 18 December, settles which reading stands.`,
		"- Lee Park's first assessment as Ben's manager, on 2026-11-18, set all 24 levels at once: a baseline, not growth.",
		`- Customer insight at 3 Proficient, above the 2 Practising Product Manager asks for: shown on 2026-06-01, "Summarised twelve onboarding interviews; dropped the tour carousel from the roadmap", carried from earlier in the year; nothing new on it this quarter yet.`,
		"- Negotiation and trade-offs at 3 Proficient, the Senior Product Manager bar; Ben's own rating is 2 Practising: a level to settle in the calibration.")
	// A skill at the bar with no goal to show it in is no area (cold read
	// 9, finding 5): no reason, no padding.
	if strings.Contains(section(out, "Areas to improve"), "Communication") {
		t.Errorf("a skill at the bar, with no reason said, listed as an area:\n%s", section(out, "Areas to improve"))
	}
	if n := strings.Count(out, "calibrated"); n != 1 {
		t.Errorf("that the levels are not calibrated is said %d times, want once:\n%s", n, out)
	}
	if strings.Contains(out, "1 Aware") || strings.Contains(out, "levels before the re-baseline") {
		t.Errorf("the review reads the levels before the re-baseline beside the re-baseline's:\n%s", out)
	}
}

// TestReviewNamesTheRater: an assessment is the manager's the file named
// in its commit, not its author's (someone who keeps the repository); a
// move is said by its day, with no commit hash, and names its rater only
// when that is not the review's manager, and its author only when the
// person committed their own level.
func TestReviewNamesTheRater(t *testing.T) {
	lv := levels(t, "senior-pm", nil)
	up := strings.Replace(lv, "communication = 3", "communication = 4", 1)
	src := "name = \"Omar Haddad\"\nrole = \"senior-pm\"\nmanager = \"lee\"\nassessed = 2026-11-17\n\n[levels]\n" + up +
		evidence("2026-11-02", "communication", "Wrote the pricing change as one memo that Sales and Finance both quoted back")
	hist := append(assessment(t, lv, "c1aaaaaaaa", "2026-10-05", "Maya Okafor"),
		skills.Change{Person: "x", Commit: "c2bbbbbbbb", Date: day("2026-11-17"), Author: "Maya Okafor", Kind: skills.KindLevel, Skill: "communication", From: "3", To: "4"})
	c := reviewCase{src: src, history: hist, raters: map[string]string{"c1aaaaaaaa": "Lee Park", "c2bbbbbbbb": "Rosa Lind"}}
	_, out := c.build(t)
	wantLines(t, section(out, "Levels that moved"),
		"- Lee Park's first assessment of Omar, on 2026-10-05, set 24 levels: a baseline, not growth, and nobody has calibrated it yet.",
		"- Communication up, down and sideways: 3 Proficient to 4 Leading, on 2026-11-17, rated by Rosa Lind.")
	if strings.Contains(out, "Maya") || strings.Contains(out, "c1aaaaa") || strings.Contains(out, "c2bbbbb") || strings.Contains(out, "commit") {
		t.Errorf("the author or a commit named in the review:\n%s", section(out, "Levels that moved"))
	}
	hist[len(hist)-1].Author = "Omar Haddad"
	c.raters["c2bbbbbbbb"] = "Lee Park"
	_, out = c.build(t)
	wantLines(t, section(out, "Levels that moved"),
		"- Communication up, down and sideways: 3 Proficient to 4 Leading, on 2026-11-17, committed by Omar Haddad.")
}

// TestReviewNeverBeyondTheTarget: someone at the target's bar on every
// skill is never measured against the role after it; the areas are the
// target-bar levels nothing from work shows yet, each pointing at the open
// goal where it can show, a goal named once.
func TestReviewNeverBeyondTheTarget(t *testing.T) {
	lv := levels(t, "gpm", nil)
	src := "name = \"Tomás Ruiz\"\nrole = \"senior-pm\"\nmanager = \"lee\"\nassessed = 2026-11-19\n\n[levels]\n" + lv +
		"\n[[goal]]\ntext = \"Present the 2027 checkout roadmap to the leadership team\"\nskills = [\"product-strategy\", \"communication\"]\ndue = 2026-12-15\n" +
		evidence("2026-06-30", "coaching", "Mentored Ivy through her first launch review")
	r, out := reviewCase{src: src}.build(t)
	if r.Verdict.Kind != "ready-now" {
		t.Fatalf("verdict %q, want ready-now", r.Verdict.Kind)
	}
	wantLines(t, section(out, "Areas to improve"),
		`- Communication up, down and sideways at 4 Leading, the Group Product Manager bar, with no example from work written down yet: "Present the 2027 checkout roadmap to the leadership team", due 2026-12-15, is where it can show.`)
	wantLines(t, section(out, "Focus for the next period"), "1. Communication up, down and sideways (an area above).")
	if strings.Contains(out, "Director") || strings.Count(out, "checkout roadmap to the leadership team\", due") != 1 || strings.Count(out, "depends on it") != 0 {
		t.Errorf("an area beyond the target, or one goal named twice:\n%s", section(out, "Areas to improve"))
	}
}

// TestReviewSaysAMoveWithoutEvidenceOnce: the levels one commit raised
// with nothing dated behind them are one line, each skill named once, with
// no commit hash.
func TestReviewSaysAMoveWithoutEvidenceOnce(t *testing.T) {
	lv := levels(t, "senior-pm", nil)
	up := strings.Replace(strings.Replace(lv, "communication = 3", "communication = 4", 1), "negotiation = 3", "negotiation = 4", 1)
	src := "name = \"Sam Lee\"\nrole = \"senior-pm\"\nmanager = \"lee\"\nassessed = 2026-11-17\n\n[levels]\n" + up
	hist := append(assessment(t, lv, "c1", "2026-05-12", "Lee Park"),
		skills.Change{Person: "x", Commit: "c2", Date: day("2026-11-17"), Author: "Lee Park", Kind: skills.KindLevel, Skill: "communication", From: "3", To: "4"},
		skills.Change{Person: "x", Commit: "c2", Date: day("2026-11-17"), Author: "Lee Park", Kind: skills.KindLevel, Skill: "negotiation", From: "3", To: "4"})
	_, out := reviewCase{src: src, history: hist}.build(t)
	moved := section(out, "Levels that moved")
	wantLines(t, moved, "- Communication up, down and sideways and Negotiation and trade-offs: 3 Proficient to 4 Leading, on 2026-11-17, none with an example from work written down since the level before.",
		"<!-- Write down what you saw behind each level raised above with no example, a piece of work Sam will recognise for each, before the review is shared. -->")
	if n := strings.Count(moved, "Negotiation"); n != 1 {
		t.Errorf("a skill named %d times, want once:\n%s", n, moved)
	}
	// Raised by different steps in one commit: still one line.
	hist[len(hist)-1].To = "5"
	_, out = reviewCase{src: strings.Replace(src, "negotiation = 4", "negotiation = 5", 1), history: hist}.build(t)
	wantLines(t, section(out, "Levels that moved"), "- Communication up, down and sideways (3 Proficient to 4 Leading) and Negotiation and trade-offs (3 Proficient to 5 Shaping), on 2026-11-17, none with an example from work written down since the level before.")
}

// TestReviewFocusSaysAnAreaOnce: a focus skill that is an area above is
// named, not given its levels again, and a goal is quoted on one line.
func TestReviewFocusSaysAnAreaOnce(t *testing.T) {
	src := "name = \"Marcus Bell\"\nrole = \"gpm\"\nmanager = \"lee\"\nassessed = 2026-11-16\n\n[levels]\n" +
		levels(t, "gpm", map[string]int{"team-health": 2, "coaching": 2}) +
		"\n[[goal]]\ntext = \"Bring team engagement back to 72 in the February pulse survey\"\nskills = [\"team-health\", \"coaching\"]\ndue = 2027-02-26\n"
	_, out := reviewCase{src: src}.build(t)
	wantLines(t, section(out, "Focus for the next period"),
		`1. Coaching and mentoring (an area above): the goal "Bring team engagement back to 72 in the February pulse survey" depends on it.`,
		`2. Team health and engagement (an area above); that goal depends on it too.`)
}

// TestReviewReadinessInWords: the readiness says what decides the verdict,
// the skills below the current role's bar first, else those short of the
// target's, and what reached the bar since the last assessment, by name,
// not as counts.
func TestReviewReadinessInWords(t *testing.T) {
	lv := levels(t, "senior-pm", nil)
	below := strings.Replace(lv, "negotiation = 3", "negotiation = 2", 1)
	src := "name = \"Alice Example\"\nrole = \"senior-pm\"\nmanager = \"lee\"\nassessed = 2026-11-10\n\n[levels]\n"
	_, out := reviewCase{src: src + below}.build(t)
	wantLines(t, section(out, "Readiness"), `The verdict for Group Product Manager is "not yet: the current role first": Negotiation and trade-offs is still below the Senior Product Manager bar.`)

	up := strings.Replace(lv, "coaching = 2", "coaching = 3", 1)
	hist := append(assessment(t, lv, "c1", "2026-07-28", "Lee Park"),
		skills.Change{Person: "x", Commit: "c2", Date: day("2026-11-10"), Author: "Lee Park", Kind: skills.KindLevel, Skill: "coaching", From: "2", To: "3"})
	prev := src + lv
	_, out = reviewCase{src: src + up + evidence("2026-11-02", "coaching", "Coached two APMs through their first launch reviews"), history: hist, prevSrc: prev}.build(t)
	wantLines(t, section(out, "Readiness"),
		`The verdict for Group Product Manager is "not yet": every assessed skill meets the Senior Product Manager bar, and most of the Group Product Manager bar is still ahead, in Delegation and team performance, Portfolio strategy and resource allocation and Processes and shared tools, among others.`,
		`The same verdict as at 28 July, the last assessment before the period; since then, Coaching and mentoring has reached the Group Product Manager bar.`)
	if strings.Contains(section(out, "Readiness"), " of 24") {
		t.Errorf("a count where the names say it:\n%s", section(out, "Readiness"))
	}
}

// TestReviewStrengthWithoutExample: with no strength that has an example
// behind it, the review says so plainly, and the skills rated highest are
// named to the manager, in a comment, as examples to write.
func TestReviewStrengthWithoutExample(t *testing.T) {
	src := "name = \"Kofi Mensah\"\nrole = \"gpm\"\nmanager = \"lee\"\nassessed = 2026-11-20\n\n[levels]\n" +
		levels(t, "gpm", map[string]int{"execution-delivery": 4, "delegation": 2})
	_, out := reviewCase{src: src}.build(t)
	wantLines(t, section(out, "Strengths"),
		"Nothing Kofi does above the Group Product Manager bar has an example from work behind it yet.",
		"<!-- Rated above the Group Product Manager bar, with no example written down: Execution and delivery at 4 Leading. Write one Kofi will recognise before it is named a strength. -->")
	// Communication, Cross-functional collaboration at 4 are the job's
	// bar: the job done, not a strength to write an example for.
	if strings.Contains(section(out, "Strengths"), "Communication") {
		t.Errorf("a skill at the bar asked for as a strength:\n%s", section(out, "Strengths"))
	}
	_, out = reviewCase{src: strings.Replace(src, "execution-delivery = 4", "execution-delivery = 3", 1)}.build(t)
	if diff := cmp.Diff("\nNone above the bar yet: Kofi's levels meet the Group Product Manager bar, or fall short of it.\n", section(out, "Strengths")); diff != "" {
		t.Errorf("strengths (-want +got):\n%s", diff)
	}
}

// TestReviewStartsFromTheSelfReviewBefore: with no self-review of the
// period, the one of the period before is named, and its first written
// sentence quoted as where the conversation starts; with neither, the
// review says only that none is written; with the period's own, it is
// quoted and the one before is not.
func TestReviewStartsFromTheSelfReviewBefore(t *testing.T) {
	src := "name = \"Ada Lund\"\nrole = \"pm\"\nmanager = \"lee\"\nassessed = 2026-11-10\n\n[levels]\n" + levels(t, "pm", nil)
	before := []cycle.SelfSection{{Title: "What I did", Text: ""},
		{Title: "The evidence I would cite", Text: "- Moved the refund flow to self-serve. Support tickets fell by a third.\n- Wrote the pricing memo."}}
	r, out := reviewCase{src: src, selfBefore: before}.build(t)
	wantLines(t, section(out, "Ada's self-review"),
		`Ada has not written a self-review for 2026-Q4. The one for 2026-Q3 is on file, and its opening is the place to start the conversation: "Moved the refund flow to self-serve."`)
	if r.SelfBefore != "2026-Q3" || r.SelfOpening != "Moved the refund flow to self-serve." {
		t.Errorf("self_review_before %q, opening %q", r.SelfBefore, r.SelfOpening)
	}

	_, out = reviewCase{src: src, selfBefore: []cycle.SelfSection{{Title: "What I did"}}}.build(t)
	wantLines(t, section(out, "Ada's self-review"), "Ada has not written a self-review for 2026-Q4.")

	_, out = reviewCase{src: src, self: []cycle.SelfSection{{Title: "What I did", Text: "Ran the Q4 pricing test."}}, selfBefore: before}.build(t)
	if strings.Contains(out, "2026-Q3") || !strings.Contains(out, "Ran the Q4 pricing test.") {
		t.Errorf("the period's own self-review is the one quoted:\n%s", section(out, "Ada's self-review"))
	}
}

// rebaselineCase is the review of a PM whose new manager, Lee Park, set
// every level at once on 2026-11-18 (rebased), after a first assessment
// by Maya Okafor on 2026-05-12 (first); extra is appended to the file as
// it stands (goals, evidence, self-ratings).
func rebaselineCase(t *testing.T, name, first, rebased, extra string) reviewCase {
	t.Helper()
	src := "name = \"" + name + "\"\nrole = \"pm\"\nmanager = \"lee\"\nassessed = 2026-11-18\nplan_start = 2026-09-01\n\n[levels]\n" + rebased + extra
	hist := append(assessment(t, first, "c1", "2026-05-12", "Maya Okafor"), assessment(t, rebased, "c2", "2026-11-18", "Lee Park")...)
	for i := range hist[len(hist)/2:] {
		hist[len(hist)/2+i].From = hist[i].To
	}
	prev := "name = \"" + name + "\"\nrole = \"pm\"\nmanager = \"lee\"\nassessed = 2026-05-12\n\n[levels]\n" + first
	return reviewCase{src: src, history: hist, plan: hist[:len(hist)/2], prevSrc: prev}
}

// TestReviewLevelOnlyIsNoStrength (VP cold read 20, finding 1): a level
// above the bar with no example written down is not named a strength, as
// the plan does not name it; the review says it as the plan does, the
// same level in the same words, and asks for the example.
func TestReviewLevelOnlyIsNoStrength(t *testing.T) {
	src := "name = \"Omar Haddad\"\nrole = \"senior-pm\"\nmanager = \"lee\"\nassessed = 2026-11-17\n\n[levels]\n" +
		levels(t, "senior-pm", map[string]int{"customer-insight": 5, "data-experimentation": 5, "ux-discovery": 4}) +
		evidence("2026-10-22", "data-experimentation", "Redesigned the experiment guardrails; adopted by all four squads")
	_, out, pl := reviewCase{src: src}.buildWithPlan(t)
	got := section(out, "Strengths")
	if strings.Contains(got, "on the assessment of") || strings.Contains(got, "- Customer insight") {
		t.Errorf("a level with no example named a strength:\n%s", got)
	}
	if pl.StrengthsUnshown == "" {
		t.Fatalf("the plan says no level with no example")
	}
	// The plan's words for the level, and its own, in the review.
	lead, _, _ := strings.Cut(pl.StrengthsUnshown, " no example written down yet")
	lead = strings.TrimSuffix(strings.TrimSuffix(lead, " has"), " have")
	for _, part := range strings.Split(strings.ReplaceAll(lead, " and ", ", "), ", ") {
		if !strings.Contains(got, part) {
			t.Errorf("the plan says %q, the review does not:\n%s", part, got)
		}
	}
	if !strings.Contains(got, "no example written down yet") {
		t.Errorf("the review does not say what the plan says, no example written down yet:\n%s", got)
	}
}

// TestReviewFocusNamesItsOwnGoal (VP cold read 20, finding 3): a focus
// line says "that goal" only of the goal the line just before quotes; a
// goal quoted further up is named again, so that the goal a line names is
// always one that names its skill.
func TestReviewFocusNamesItsOwnGoal(t *testing.T) {
	src := "name = \"Omar Haddad\"\nrole = \"senior-pm\"\nmanager = \"lee\"\nassessed = 2026-11-17\n" +
		"focus = [\"stakeholder-relationships\", \"coaching\", \"business-acumen\"]\n\n[levels]\n" +
		levels(t, "senior-pm", map[string]int{"stakeholder-relationships": 2, "coaching": 1, "business-acumen": 1}) +
		"\n[[goal]]\ntext = \"Write the platform pricing brief that the three product lines sign up to\"\nskills = [\"stakeholder-relationships\", \"business-acumen\"]\ndue = 2026-12-15\n" +
		"\n[[goal]]\ntext = \"Run a monthly experimentation clinic for every PM in the group\"\nskills = [\"coaching\"]\ndue = 2027-03-31\n"
	_, out := reviewCase{src: src}.build(t)
	got := section(out, "Focus for the next period")
	var lines []string
	for _, l := range strings.Split(got, "\n") {
		if strings.HasPrefix(l, "1.") || strings.HasPrefix(l, "2.") || strings.HasPrefix(l, "3.") {
			lines = append(lines, l)
		}
	}
	if len(lines) != 3 {
		t.Fatalf("want three focus lines:\n%s", got)
	}
	if strings.Contains(lines[2], "that goal") || !strings.Contains(lines[2], `"Write the platform pricing brief…" depends on it too`) {
		t.Errorf("the third focus line does not name its own goal, the pricing brief:\n%s", got)
	}
}
