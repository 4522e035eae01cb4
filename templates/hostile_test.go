package templates_test

import (
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/coach-dev/coach/plans"
	"github.com/coach-dev/coach/skills"
	"github.com/coach-dev/coach/templates"
)

// hostileValues are what a teammate with push access, or a fork's pull
// request, can write into any text field of a skill file, the matrix or
// coach.toml. marker is a part of the value that must reach the output
// (escaped), so that a test of an output the value never reached fails.
var hostileValues = []struct {
	name, value, marker string
}{
	{"a heading and raw HTML", "x\n# Fired\n<script>alert(1)</script><img src=x onerror=alert(1)>", "Fired"},
	{"mentions", "ping @acme/product-leads and @cto", "product-leads"},
	{"a table row", "x |\n| --- |\n| y | z", "--- "},
	{"a code fence", "```\nrm -rf /\n```", "rm -rf /"},
	{"a command substitution", "$(touch pwned) and `touch pwned2`", "touch pwned2"},
	{"an entity", "&#64;cto &lt;b&gt;", "64;cto"},
	{"control characters", "\x1b]52;c;b3duZWQ=\x07\x1b[2J\u009b31m\u202eevil\u2066 \r", "b3duZWQ="},
	{"a long string", strings.Repeat("<b>@cto</b> `x` | ", 50), "x\\`"},
	{"a huge string", strings.Repeat("A very long name. ", 64<<10), "A very long name."},
}

// TestBuiltinTemplatesEscapeHostileValues renders every built-in template
// (plan, agenda, team, diff) with every field a user writes set to each
// hostile value, and requires the output to be escaped (no heading, HTML,
// mention, table row, code span, entity or control character of the value's
// making) and bounded (at most MaxOutput bytes, or refused as over it).
func TestBuiltinTemplatesEscapeHostileValues(t *testing.T) {
	set, err := templates.Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, hv := range hostileValues {
		t.Run(hv.name, func(t *testing.T) {
			for name, data := range hostileData(t, hv.value) {
				t.Run(name, func(t *testing.T) {
					out, err := set.Render(name, data)
					if err != nil {
						var pe *skills.ProblemsError
						if errors.As(err, &pe) && strings.Contains(err.Error(), "coach's limit") && len(hv.value) > 1<<20 {
							return // bounded: refused as over MaxOutput
						}
						t.Fatalf("Render: %v", err)
					}
					if len(out) > templates.MaxOutput {
						t.Errorf("output is %d bytes, over MaxOutput %d", len(out), templates.MaxOutput)
					}
					checkEscaped(t, string(out), hv.value, hv.marker)
				})
			}
		})
	}
}

var (
	lineStartsHostile = regexp.MustCompile(`(?m)^(# Fired|<script|\| y \| z|\| --- \|\n\| y|rm -rf)`)
	rawHTML           = regexp.MustCompile(`(?i)<(script|img)`)
	rawMention        = regexp.MustCompile(`@(acme|cto)\b`)
	rawCodeSpan       = regexp.MustCompile("(^|[^\\\\])`(touch pwned2|rm -rf|`)")
	rawEntity         = regexp.MustCompile(`(^|[^;])&#64;cto|(^|[^;])&lt;b&gt;`)
)

func checkEscaped(t *testing.T, out, value, marker string) {
	t.Helper()
	if !strings.Contains(out, marker) {
		t.Fatalf("the value never reached the output (no %q): the test proves nothing", marker)
	}
	if r, at, ok := skills.FirstControl(out); ok {
		t.Errorf("raw control character %s at rune %d", skills.ControlName(r), at)
	}
	for _, c := range []struct {
		what string
		re   *regexp.Regexp
	}{
		{"a line the value started", lineStartsHostile},
		{"raw HTML", rawHTML},
		{"a mention", rawMention},
		{"a code span or fence", rawCodeSpan},
		{"an entity", rawEntity},
	} {
		if loc := c.re.FindStringIndex(out); loc != nil {
			from := max(0, loc[0]-40)
			t.Errorf("%s in the output: %q", c.what, out[from:min(len(out), loc[1]+40)])
		}
	}
	// The value's own text stays readable: "$(touch pwned)" is printed, not
	// run or dropped.
	if strings.Contains(value, "$(touch pwned)") && !strings.Contains(out, "$(touch pwned)") {
		t.Error("the command substitution was dropped instead of printed")
	}
}

// hostileData builds the data of each built-in template with every text
// field a user writes (names, goals, evidence, the matrix's names, questions,
// actions and resources, a leader's name, a commit's author and subject, an
// earlier agenda's items) set to value.
func hostileData(t *testing.T, value string) map[string]any {
	t.Helper()
	m, problems := skills.DecodeMatrix("matrix.toml", skills.DefaultMatrixTOML())
	if problems.Errors() > 0 {
		t.Fatal(problems)
	}
	for i := range m.Levels {
		m.Levels[i].Name = value
	}
	for i := range m.Roles {
		m.Roles[i].Name = value
	}
	for i := range m.Skills {
		s := &m.Skills[i]
		s.Name, s.Summary = value, value
		for j := range s.Descriptors {
			s.Descriptors[j] = value
		}
		for j := range s.Questions {
			s.Questions[j].Text = value
		}
		for j := range s.Actions {
			s.Actions[j].Text, s.Actions[j].Evidence = value, value
		}
		for j := range s.Resources {
			s.Resources[j].Title = value
		}
	}
	for i := range m.Transitions {
		for j := range m.Transitions[i].Shifts {
			m.Transitions[i].Shifts[j] = value
		}
	}
	cfg := skills.DefaultConfig()
	cfg.Leaders = []skills.Leader{{ID: "maya", Name: value}}

	day := func(s string) time.Time {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	person := func(id, manager string, level int) *skills.Person {
		levels := map[string]int{}
		for _, s := range m.Skills {
			levels[s.ID] = level
		}
		return &skills.Person{ID: id, Path: "skills/" + id + ".toml", Name: value, Role: "pm", Target: "senior-pm",
			Manager: manager, Assessed: day("2026-11-10"), PlanStart: day("2026-09-01"), Focus: []string{"negotiation"},
			Levels: levels, Self: map[string]int{"negotiation": 4},
			Goals:    []skills.Goal{{Text: value, Skills: []string{"negotiation"}, Due: day("2026-11-01")}},
			Evidence: []skills.Evidence{{Date: day("2026-11-09"), Skill: "negotiation", Text: value}}}
	}
	alice, bob := person("alice", "maya", 2), person("bob", "alice", 4)
	team := []*skills.Person{alice, bob}
	index := plans.IndexTeam(m, cfg, team)
	history := []skills.Change{
		{Person: "alice", Commit: "0123456789abcdef", Date: day("2026-11-09"), Author: value, Subject: value,
			Kind: skills.KindEvidence, Skill: "negotiation", Text: value, On: day("2026-11-09")},
		{Person: "alice", Commit: "0123456789abcdef", Date: day("2026-11-09"), Author: value, Subject: value,
			Kind: skills.KindLevel, Skill: "negotiation", From: "1", To: "2"},
	}
	built := map[string]*plans.Plan{}
	for _, p := range team {
		pl, err := plans.Build(plans.Input{Matrix: m, Config: cfg, Person: p, Team: team, Index: index, History: history})
		if err != nil {
			t.Fatal(err)
		}
		built[p.ID] = pl
	}
	view, err := plans.BuildTeam(plans.TeamInput{Matrix: m, Config: cfg, People: team, Plans: built, Index: index})
	if err != nil {
		t.Fatal(err)
	}

	week, err := plans.ParseWeek("2026-W48")
	if err != nil {
		t.Fatal(err)
	}
	prevWeek, err := plans.ParseWeek("2026-W47")
	if err != nil {
		t.Fatal(err)
	}
	// An earlier agenda is Markdown as people wrote it, printed as it is
	// but for control characters: only those of the value go into it.
	written := strings.Map(func(r rune) rune {
		if skills.IsControl(r) || r == 'b' || r == '3' {
			return r
		}
		return -1
	}, value)
	prev := plans.ReadAgenda(prevWeek, []byte("## Your topics\n\n- [ ] topic "+written+"\n\n## Focus of the week\n\n- Try this week: "+
		written+"\n\n## Action items\n\n- [ ] item "+written+"\n"))
	agenda := plans.BuildAgenda(plans.AgendaInput{Plan: built["alice"], Matrix: m, Config: cfg, Person: alice,
		History: history, Week: week, Previous: prev})

	before := person("alice", "maya", 1)
	before.Name, before.Evidence, before.Goals = "Alice", nil, nil
	review := plans.BuildReview(plans.ReviewInput{Matrix: m, Config: cfg,
		Base: plans.Side{Label: "main", Commit: "0123456789abcdef", When: day("2026-11-02"),
			People: map[string]*skills.Person{"alice": before, "bob": bob},
			Raw:    map[string][]byte{"alice": []byte("name = \"Alice\"\n"), "bob": []byte("x")}},
		Head: plans.Side{Label: "feature", Commit: "fedcba9876543210", When: day("2026-11-09"),
			People: map[string]*skills.Person{"alice": alice, "bob": bob},
			Raw:    map[string][]byte{"alice": []byte("name = \"changed\"\n"), "bob": []byte("x")}}})

	return map[string]any{"plan.md.tmpl": built["alice"], "agenda.md.tmpl": agenda, "team.md.tmpl": view, "diff.md.tmpl": review}
}
