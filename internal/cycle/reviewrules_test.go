package cycle_test

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"

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
}

func (c reviewCase) build(t *testing.T) (*cycle.Review, string) {
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
	mgr, _ := skills.DecodePerson("skills/lee.toml", []byte("name = \"Lee Park\"\nrole = \"vp\"\nmanager = \"rosa\"\n[levels]\n"), m)
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
	in := cycle.ReviewInput{Matrix: m, Config: skills.DefaultConfig(), Period: q4, Person: p, Current: true, Plan: pl, History: c.history,
		PlanHistory: planned, PreviousAssessed: c.previous}
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
	return r, string(out)
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
		`Nothing is written down yet on Coaching and mentoring: an example Marcus will recognise belongs with it.`)
	if strings.Contains(section(out, "Areas to improve"), "two of its actions shipped") {
		t.Errorf("a success quoted as an area to improve:\n%s", section(out, "Areas to improve"))
	}
	wantLines(t, section(out, "Strengths"),
		`- Execution and delivery at 4 Leading, above the 3 Proficient Group Product Manager asks for: shown on 2026-10-05, "Shipped the checkout redesign on the date promised to Sales".`)
	if strings.Contains(out, "Customer insight at 5") || strings.Contains(out, "no evidence recorded yet") {
		t.Errorf("a strength with nothing behind it:\n%s", section(out, "Strengths"))
	}
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
		"None named yet: Sam joined on 2026-10-12, and in the first 90 days the work shows strengths, not a level.",
		"None yet: no skill is called a gap until Sam's first full assessment.")

	_, out = reviewCase{src: strings.Replace(src, "\n[self]\ntechnical-fluency = 3\n", "", 1)}.build(t)
	wantLines(t, section(out, "Where Sam and the manager differ"), "Sam has not rated any skill yet: there is no self-assessment to compare with.")
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
	wantLines(t, section(out, "Readiness"), "Unchanged since 2026-07-28, the last assessment before the period: the same verdict, and the same 8 skills at the bar.")
	_, out = reviewCase{src: src, history: hist, previous: day("2026-09-10")}.build(t)
	wantLines(t, section(out, "Readiness"), "Unchanged since 2026-09-10, the last assessment before the period: the same verdict, and the same 8 skills at the bar.")
}

// TestReviewReturnFromLeave: the entry recording the return is never an
// area's evidence, a level rated down on it is a refresh, and nothing
// beyond the current role is asked during the return.
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
		"Industry and market knowledge was rated down on Dana's return from leave of 2026-10-19: a refresh, not a skill lost.",
		"None: Dana came back from leave on 2026-10-19. Industry and market knowledge, rated down since, is a refresh, not an area to improve, and nothing beyond the Director of Product bar is asked during the return.")
	if strings.Contains(section(out, "Areas to improve"), "parental leave") || strings.Contains(section(out, "Strengths"), "parental leave") {
		t.Errorf("the return from leave quoted as a strength or an area:\n%s", out)
	}
	wantLines(t, section(out, "Readiness"), `It moved: at 2026-03-16, the last assessment before the period, the verdict was "not yet", with 8 of 24 skills at the bar; now 7. The difference is industry and market knowledge, rated down on the return from leave of 2026-10-19: a refresh, not a skill lost.`)
}

// TestReviewHeldOnARebaseline: a re-baseline nobody calibrated is not
// growth: the readiness says the count before it, the strengths and areas
// read the levels before it (said once), and the person's own rating below
// the re-baseline's is named.
func TestReviewHeldOnARebaseline(t *testing.T) {
	first := levels(t, "pm", map[string]int{"customer-insight": 3, "negotiation": 1})
	rebased := levels(t, "senior-pm", nil)
	src := "name = \"Ben Ode\"\nrole = \"pm\"\nmanager = \"lee\"\nassessed = 2026-11-18\nplan_start = 2026-09-01\n\n[levels]\n" + rebased +
		"\n[self]\nnegotiation = 2\n" +
		evidence("2026-06-01", "customer-insight", "Summarised twelve onboarding interviews; dropped the tour carousel from the roadmap")
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
	wantLines(t, out,
		`Held until calibration: the 24 of 24 skills at the bar rest on the re-baseline of 2026-11-18, which nobody has calibrated; the levels before the re-baseline were 9 of 24 at the bar. At 2026-05-12, the last assessment before the period, the verdict was "not yet: the current role first".`,
		"Strengths and areas to improve read the levels before the re-baseline of 2026-11-18, which nobody has calibrated yet; the focus for the next period is the plan's, on the levels as rated now.",
		`- Customer insight at 3 Proficient, above the 2 Practising Product Manager asks for: shown on 2026-06-01, "Summarised twelve onboarding interviews; dropped the tour carousel from the roadmap".`,
		"- Negotiation and trade-offs at 1 Aware, where Product Manager asks for 2 Practising. Ben's own rating is 2 Practising, below the 3 Proficient the re-baseline gave it.")
	if strings.Contains(out, "Areas to improve\n\nNone") || strings.Contains(out, "(its level before the re-baseline") {
		t.Errorf("areas read the uncalibrated levels, or the re-baseline is said per skill:\n%s", out)
	}
}

// TestReviewSaysAMoveWithoutEvidenceOnce: levels raised with nothing dated
// behind them are named in one sentence, not the same sentence under each.
func TestReviewSaysAMoveWithoutEvidenceOnce(t *testing.T) {
	lv := levels(t, "senior-pm", nil)
	up := strings.Replace(strings.Replace(lv, "communication = 3", "communication = 4", 1), "negotiation = 3", "negotiation = 4", 1)
	src := "name = \"Sam Lee\"\nrole = \"senior-pm\"\nmanager = \"lee\"\nassessed = 2026-11-17\n\n[levels]\n" + up
	hist := append(assessment(t, lv, "c1", "2026-05-12", "Lee Park"),
		skills.Change{Person: "x", Commit: "c2", Date: day("2026-11-17"), Author: "Lee Park", Kind: skills.KindLevel, Skill: "communication", From: "3", To: "4"},
		skills.Change{Person: "x", Commit: "c2", Date: day("2026-11-17"), Author: "Lee Park", Kind: skills.KindLevel, Skill: "negotiation", From: "3", To: "4"})
	_, out := reviewCase{src: src, history: hist}.build(t)
	moved := section(out, "Levels that moved")
	wantLines(t, moved, "No evidence is dated behind Communication up, down and sideways and Negotiation and trade-offs since their levels before were recorded: ask what Sam did that showed each.")
	if n := strings.Count(moved, "No evidence"); n != 1 {
		t.Errorf("said %d times, want once:\n%s", n, moved)
	}
}
