package skills

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func defaultMatrix(t testing.TB) *Matrix {
	t.Helper()
	m, err := DefaultMatrix()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// allLevels is a [levels] table assessing every built-in skill at 2, so the
// "not assessed" warning stays out of tests about other things.
func allLevels(t testing.TB) string {
	var b strings.Builder
	b.WriteString("[levels]\n")
	for _, id := range defaultMatrix(t).SkillIDs() {
		b.WriteString(id + " = 2\n")
	}
	return b.String()
}

func problemStrings(ps Problems) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.String())
	}
	return out
}

func TestDecodePerson(t *testing.T) {
	m := defaultMatrix(t)
	levels := allLevels(t)
	tests := []struct {
		name string
		path string
		src  string
		want []string
	}{
		{
			name: "valid",
			path: "skills/alice.toml",
			src:  "name = \"Alice\"\nrole = \"pm\"\n" + levels,
		},
		{
			name: "syntax error stops the file",
			path: "skills/alice.toml",
			src:  "name = \"Alice\nrole = \"pm\"\n",
			want: []string{`skills/alice.toml:1:14: invalid TOML: strings cannot contain newlines; fix the TOML syntax at this position (https://toml.io/en/v1.0.0)`},
		},
		{
			name: "wrong type reports its line",
			path: "skills/alice.toml",
			src:  "name = \"Alice\"\nrole = 3\n",
			want: []string{`skills/alice.toml:2:8: "role" must be a string, not an integer; put the text in double quotes, like "text"`},
		},
		{
			name: "every mistake in the file",
			path: "skills/alice.toml",
			src: `Name = "Alice"
role = "senior-pmm"
plan_start = "2026-09-01"
focus = ["negotiaton"]
colour = "blue"

[levels]
communication = 7
negotiaton = 2
coaching = "3"
feedback = 0

[Self]
hiring = 2

[[goal]]
text = "x"
skills = ["hirng"]
due = 2027-03-31T10:00:00

[[evidence]]
skill = "negotiation"
text = ""
`,
			want: []string{
				`skills/alice.toml:1:1: key "Name" is written in the wrong case; write it "name": keys are case-sensitive`,
				`skills/alice.toml:2:8: unknown role "senior-pmm"; did you mean "senior-pm"?`,
				`skills/alice.toml:3:14: plan_start must be a date, not a string; remove the quotes: plan_start = 2026-09-01`,
				`skills/alice.toml:4:10: unknown skill "negotiaton"; did you mean "negotiation"?`,
				`skills/alice.toml:5:1: unknown key "colour" at the top level; valid keys: aspiration, assessed, evidence, focus, goal, joined, levels, manager, name, plan_start, private, reports, role, self, target`,
				`skills/alice.toml:7:1: warning: 21 of 24 skills not assessed: stakeholder-relationships, negotiation, cross-functional-collaboration, decision-making, hiring, team-design, delegation, career-development, team-health, customer-insight, outcome-focus, product-strategy, portfolio-strategy, business-acumen, go-to-market, market-knowledge, technical-fluency, ux-discovery, execution-delivery, data-experimentation, product-operations; add them under [levels] once you have assessed them`,
				`skills/alice.toml:8:17: level 7 for "communication" is outside the scale 1..5; use a level from 1 to 5`,
				`skills/alice.toml:9:1: unknown skill "negotiaton"; did you mean "negotiation"?`,
				`skills/alice.toml:10:12: level of "coaching" must be a whole number, not a string; write a whole number from 1 to 5 without quotes`,
				`skills/alice.toml:11:12: level 0 for "feedback" is outside the scale 1..5; use a level from 1 to 5, or leave the skill out to mark it not assessed`,
				`skills/alice.toml:13:1: key "Self" is written in the wrong case; write it "self": keys are case-sensitive`,
				`skills/alice.toml:18:11: unknown skill "hirng"; did you mean "hiring"?`,
				`skills/alice.toml:19:7: due must be a date without a time; write the date alone: due = 2027-03-31`,
				`skills/alice.toml:21:1: date is missing; add date = YYYY-MM-DD`,
				`skills/alice.toml:23:1: text is missing; add text = "what happened"`,
			},
		},
		{
			name: "unknown keys in arrays of tables point at each occurrence",
			path: "skills/alice.toml",
			src:  "name = \"A\"\nrole = \"pm\"\n" + levels + "[[goal]]\ntext = \"x\"\ndew = 2027-01-01\n\n[[goal]]\ntext = \"y\"\ndew = 2027-02-01\n",
			want: []string{
				`skills/alice.toml:30:1: unknown key "dew" in [goal]; did you mean "due"?`,
				`skills/alice.toml:34:1: unknown key "dew" in [goal]; did you mean "due"?`,
			},
		},
		{
			name: "miscased keys in arrays of tables point at each occurrence",
			path: "skills/alice.toml",
			src: "name = \"A\"\nrole = \"pm\"\n" + levels + "[[evidence]]\ndate = 2026-01-05\nSkill = \"hiring\"\ntext = \"a\"\n\n" +
				"[[evidence]]\ndate = 2026-01-06\nskill = \"hiring\"\ntext = \"b\"\n\n[[evidence]]\ndate = 2026-01-07\nSkill = \"hiring\"\ntext = \"c\"\n",
			want: []string{
				`skills/alice.toml:30:1: key "Skill" is written in the wrong case; write it "skill": keys are case-sensitive`,
				`skills/alice.toml:40:1: key "Skill" is written in the wrong case; write it "skill": keys are case-sensitive`,
			},
		},
		{
			name: "target below role",
			path: "skills/alice.toml",
			src:  "name = \"A\"\nrole = \"gpm\"\ntarget = \"pm\"\n" + levels,
			want: []string{`skills/alice.toml:3:10: target "pm" is below the current role "gpm"; choose a role at or above gpm: gpm, director, vp, cpo`},
		},
		{
			name: "bad file name and missing fields",
			path: "skills/Alice Smith.toml",
			src:  "[levels]\ncommunication = 2\n",
			want: []string{
				`skills/Alice Smith.toml: person id "Alice Smith" (the file name) is not valid; rename the file to skills/alice-smith.toml: lowercase letters, digits and '-'`,
				`skills/Alice Smith.toml:1:1: name is missing; add name = "Their Name"`,
				`skills/Alice Smith.toml:1:1: role is missing; add role = one of apm, pm, senior-pm, principal-pm, distinguished-pm, gpm, director, vp, cpo`,
				`skills/Alice Smith.toml:1:1: warning: 23 of 24 skills not assessed: stakeholder-relationships, negotiation, cross-functional-collaboration, decision-making, coaching, feedback, hiring, team-design, delegation, career-development, team-health, customer-insight, outcome-focus, product-strategy, portfolio-strategy, business-acumen, go-to-market, market-knowledge, technical-fluency, ux-discovery, execution-delivery, data-experimentation, product-operations; add them under [levels] once you have assessed them`,
			},
		},
		{
			name: "no levels at all",
			path: "skills/new.toml",
			src:  "name = \"New\"\nrole = \"apm\"\n",
			want: []string{`skills/new.toml:1:1: warning: no skills assessed yet; add a [levels] table with a level for each skill you have assessed`},
		},
		{
			name: "private notes may hold any keys",
			path: "skills/alice.toml",
			src:  "name = \"A\"\nrole = \"pm\"\n" + levels + "[private]\nnotes = \"x\"\nanything = [1, 2]\n[private.more]\nx = 1\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, problems := DecodePerson(tt.path, []byte(tt.src), m)
			if diff := cmp.Diff(tt.want, problemStrings(problems)); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDecodePersonValues(t *testing.T) {
	m := defaultMatrix(t)
	src := `name = "Alice Example"
role = "senior-pm"
target = "gpm"
plan_start = 2026-09-01
focus = ["negotiation"]

[levels]
negotiation = 2

[self]
negotiation = 3

[[goal]]
text = "Lead the EMEA pricing launch"
skills = ["negotiation"]
due = 2027-03-31

[[evidence]]
date = 2026-11-10
skill = "negotiation"
text = "Agreed launch scope with Sales"

[private]
notes = "never rendered"
`
	p, _ := DecodePerson("skills/alice.toml", []byte(src), m)
	day := func(y int, mo time.Month, d int) time.Time { return time.Date(y, mo, d, 0, 0, 0, 0, time.UTC) }
	want := &Person{
		ID: "alice", Path: "skills/alice.toml", Name: "Alice Example", Role: "senior-pm", Target: "gpm",
		PlanStart: day(2026, 9, 1), Focus: []string{"negotiation"},
		Levels:   map[string]int{"negotiation": 2},
		Self:     map[string]int{"negotiation": 3},
		Goals:    []Goal{{Text: "Lead the EMEA pricing launch", Skills: []string{"negotiation"}, Due: day(2027, 3, 31)}},
		Evidence: []Evidence{{Date: day(2026, 11, 10), Skill: "negotiation", Text: "Agreed launch scope with Sales"}},
		// Only a fingerprint of the notes; never their text.
		Notes: NotesFingerprint("never rendered"),
	}
	if diff := cmp.Diff(want, p); diff != "" {
		t.Errorf("person (-want +got):\n%s", diff)
	}
	if got := p.TargetRole(m); got != "gpm" {
		t.Errorf("TargetRole = %q, want gpm", got)
	}
	p.Target = ""
	if got := p.TargetRole(m); got != "gpm" {
		t.Errorf("TargetRole from next = %q, want gpm", got)
	}
	p.Role = "cpo"
	if got := p.TargetRole(m); got != "cpo" {
		t.Errorf("TargetRole at the top = %q, want cpo", got)
	}
}

const tinyMatrix = `[[level]]
value = 1
name = "One"
[[level]]
value = 2
name = "Two"

[[persona]]
id = "coach-mentor"
name = "Coach"

[[pillar]]
id = "soft-skills"
name = "Soft"

[[role]]
id = "pm"
name = "PM"
next = "gpm"
emphasis = { coach-mentor = 1.0 }

[[role]]
id = "gpm"
name = "GPM"
emphasis = { coach-mentor = 1.5 }
leads = true

[[skill]]
id = "coaching"
name = "Coaching"
pillar = "soft-skills"
personas = ["coach-mentor"]
summary = "s"
expect = { pm = 1, gpm = 2 }
descriptors = ["one", "two"]
[[skill.action]]
to = 2
text = "t"
evidence = "e"
[[skill.question]]
level = 1
text = "q?"
[[skill.resource]]
kind = "reading"
title = "r"

[[transition]]
from = "pm"
to = "gpm"
shifts = ["x"]
`

func TestDecodeMatrix(t *testing.T) {
	tests := []struct {
		name string
		edit func(string) string
		want []string
	}{
		{name: "valid", edit: func(s string) string { return s }},
		{
			name: "duplicate ids and unknown references",
			edit: func(s string) string {
				s = strings.Replace(s, `next = "gpm"`, `next = "gmp"`, 1)
				s = strings.Replace(s, `pillar = "soft-skills"`, `pillar = "soft-skill"`, 1)
				s = strings.Replace(s, `personas = ["coach-mentor"]`, `personas = ["coach"]`, 1)
				s = strings.Replace(s, `from = "pm"`, `from = "apm"`, 1)
				return s + "\n[[persona]]\nid = \"coach-mentor\"\nname = \"Again\"\n"
			},
			want: []string{
				`matrix.toml:19:8: unknown role "gmp"; did you mean "gpm"?`,
				`matrix.toml:31:10: unknown pillar "soft-skill"; did you mean "soft-skills"?`,
				`matrix.toml:32:13: unknown persona "coach"; did you mean "coach-mentor"?`,
				`matrix.toml:48:8: unknown role "apm"; did you mean "gpm"?`,
				`matrix.toml:53:6: duplicate persona id "coach-mentor"; rename one of them; ids must be unique (first defined on line 9)`,
			},
		},
		{
			name: "levels out of the scale",
			edit: func(s string) string {
				s = strings.Replace(s, `expect = { pm = 1, gpm = 2 }`, `expect = { pm = 1, gpm = 3, cpo = 1 }`, 1)
				s = strings.Replace(s, `descriptors = ["one", "two"]`, `descriptors = ["one"]`, 1)
				s = strings.Replace(s, "to = 2\n", "to = 9\n", 1)
				return strings.Replace(s, "value = 2", "value = 3", 1)
			},
			want: []string{
				`matrix.toml:5:9: level value 3 is out of order; number the levels 1, 2, 3... in order; this one should be 2`,
				`matrix.toml:28:1: warning: skill "coaching" has no action to reach level 2 for people who do not lead people; their plans at that step will list none; add a [[skill.action]] with to = 2 (and leads = false, or no leads, to suit people without reports)`,
				`matrix.toml:28:1: warning: skill "coaching" has no action to reach level 2 for people leaders; their plans at that step will list none; add a [[skill.action]] with to = 2 (and leads = true, or no leads, to suit people leaders)`,
				`matrix.toml:34:26: expected level 3 for gpm is outside the scale 1..2; use a level from 1 to 2`,
				`matrix.toml:34:29: unknown role "cpo"; did you mean "gpm"?`,
				`matrix.toml:35:1: skill "coaching" has 1 descriptors for a scale of 2 levels; write one descriptor per level, 2 in all, level 1 first`,
				`matrix.toml:37:6: action leads to level 9, outside the scale; an action leads to a level from 2 to 2`,
			},
		},
		{
			name: "questions, audiences and resources",
			edit: func(s string) string {
				s = strings.Replace(s, "to = 2\n", "to = 2\nleads = true\n", 1)
				s = strings.Replace(s, "level = 1\n", "level = 7\nlead = true\n", 1)
				s = strings.Replace(s, `kind = "reading"`, `kind = "book"`, 1)
				return s + "[[skill.question]]\ntext = \"no level?\"\n[[skill.resource]]\ntitle = \"no kind\"\n"
			},
			want: []string{
				`matrix.toml:28:1: warning: skill "coaching" has no action to reach level 2 for people who do not lead people; their plans at that step will list none; add a [[skill.action]] with to = 2 (and leads = false, or no leads, to suit people without reports)`,
				`matrix.toml:42:9: question level 7 is outside the scale 1..2; use a level from 1 to 2`,
				`matrix.toml:43:1: unknown key "lead" in [skill.question]; did you mean "leads"?`,
				`matrix.toml:46:8: unknown resource kind "book"; valid resource kinds: person, practice, reading`,
				`matrix.toml:53:1: question has no level; add level = the level from 1 to 2 the question helps someone reach`,
				`matrix.toml:55:1: resource "no kind" has no kind; add kind = one of practice, person, reading`,
			},
		},
		{
			name: "missing expectation and a ladder going down",
			edit: func(s string) string {
				s = strings.Replace(s, `expect = { pm = 1, gpm = 2 }`, `expect = { pm = 1 }`, 1)
				s = strings.Replace(s, "from = \"pm\"\nto = \"gpm\"", "from = \"gpm\"\nto = \"pm\"", 1)
				return strings.Replace(s, "name = \"GPM\"\n", "name = \"GPM\"\nnext = \"pm\"\n", 1)
			},
			want: []string{
				`matrix.toml:25:8: role "gpm" has next "pm", which is not above it; next must be a role further up the ladder (later in the file)`,
				`matrix.toml:35:1: skill "coaching" has no expected level for 1 role(s); add an expected level for gpm`,
				`matrix.toml:50:6: transition from "gpm" to "pm" goes down; a transition goes up the ladder`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, problems := DecodeMatrix("matrix.toml", []byte(tt.edit(tinyMatrix)))
			if diff := cmp.Diff(tt.want, problemStrings(problems)); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDecodeConfig(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want Config
		errs []string
	}{
		{name: "empty keeps defaults", src: "", want: DefaultConfig()},
		{
			name: "values",
			src:  "[plan]\nfocus = 4\n[agenda]\nweekday = \"thursday\"\nweeks_per_focus = 3\n[review]\nmonths = 6\n",
			want: Config{Plan: PlanConfig{Focus: 4}, Agenda: AgendaConfig{Weekday: "thursday", WeeksPerFocus: 3}, Review: ReviewConfig{Months: 6}, Team: DefaultConfig().Team},
		},
		{
			name: "bad values fall back to defaults",
			src:  "[plan]\nfocus = 0\n[agenda]\nweekday = \"tuseday\"\nweeks_per_focus = 99\nextra = 1\n[review]\nmonths = 0\n",
			want: DefaultConfig(),
			errs: []string{
				`coach.toml:2:9: plan focus 0 is out of range; use a number from 1 to 10; 3 is the default`,
				`coach.toml:4:11: unknown weekday "tuseday"; did you mean "tuesday"?`,
				`coach.toml:5:19: weeks_per_focus 99 is out of range; use a number of weeks from 1 to 12; 2 is the default`,
				`coach.toml:6:1: unknown key "extra" in [agenda]; valid keys: weekday, weeks_per_focus`,
				`coach.toml:8:10: review months 0 is out of range; use a number of months from 1 to 24; 3 is the default`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, problems := DecodeConfig("coach.toml", []byte(tt.src))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("config (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.errs, problemStrings(problems)); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}
