package framework

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coach-dev/coach/internal/golden"
	"github.com/coach-dev/coach/skills"
	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestImportGolden imports each framework of testdata into a matrix and
// compares it with its golden file. The matrix is valid: coach check has
// no error in it, and a warning only at each line marked TODO(coach import).
func TestImportGolden(t *testing.T) {
	tests := []struct {
		name, file, format, roles string
	}{
		{name: "monzo-5-levels", file: "product-5.md", format: "monzo", roles: "1=apm,2=pm,3=senior-pm,4=gpm,5=director"},
		{name: "monzo-6-levels-french", file: "produit-6.md", format: "monzo"},
		{name: "csv-column-per-role", file: "ladder-wide.csv", format: "csv"},
		{name: "csv-row-per-level", file: "ladder-long.csv", format: "csv", roles: "1=pm,3=senior-pm"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if got := DetectFormat(tt.file); got != tt.format {
				t.Errorf("DetectFormat(%q) = %q, want %q", tt.file, got, tt.format)
			}
			fw, err := Parse(tt.format, tt.file, src)
			if err != nil {
				t.Fatal(err)
			}
			opts := Options{Sources: []string{tt.file}, Format: tt.format}
			if tt.roles != "" {
				if opts.Roles, err = ParseRoles(tt.roles); err != nil {
					t.Fatal(err)
				}
			}
			got, err := Matrix(fw, opts)
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", tt.name+".toml")
			golden.Check(t, path, got, *update)
			_, problems := skills.DecodeMatrix("matrix.toml", got)
			var marked []int
			for i, line := range strings.Split(string(got), "\n") {
				if strings.Contains(line, skills.ImportTODO) {
					marked = append(marked, i+1)
				}
			}
			var warned []int
			for _, p := range problems {
				if p.Severity == skills.Error || !strings.HasPrefix(p.Message, "left to do after coach import") {
					t.Errorf("not a TODO warning: %s", p)
					continue
				}
				warned = append(warned, p.Line)
			}
			if diff := cmp.Diff(marked, warned); diff != "" {
				t.Errorf("warned lines (-marked +warned):\n%s", diff)
			}
		})
	}
}

// TestParseErrors: a file that cannot be read is one error at its line and
// column, with the fix.
func TestParseErrors(t *testing.T) {
	monzo := func(body string) string { return "---\nlevels: 3\ntopics:\n" + body + "---\n" }
	tests := []struct {
		name, format, src, want string
	}{
		{"no front matter", "monzo", "# Product\n",
			"f:1:1: no YAML front matter: the file does not start with a line of ---; a Monzo-format framework starts with ---, then levels: and topics:, then --- again; for a spreadsheet use --format csv"},
		{"unclosed", "monzo", "---\nlevels: 3\n",
			"f:1:1: the front matter is not closed: no second line of ---; end the front matter with a line of --- after the topics"},
		{"bad yaml", "monzo", "---\nlevels: 3\ntopics:\n  - name: [\n---\n",
			"f:4:1: the front matter is not valid YAML: did not find expected node content; fix the YAML at this line; a YAML linter or an online YAML checker shows the mistake"},
		{"no levels", "monzo", "---\ntopics: []\n---\n",
			"f:2:1: the front matter has no levels; add levels: N, the number of levels of the framework"},
		{"levels not a number", "monzo", "---\nlevels: six\ntopics: []\n---\n",
			`f:2:9: levels is "six", not a whole number; write levels: 1, 2, 3...`},
		{"one level", "monzo", "---\nlevels: 1\ntopics: []\n---\n",
			"f:2:9: levels: 1 is outside 2..20; give the number of levels of the framework, from 2 to 20"},
		{"no topics", "monzo", "---\nlevels: 3\ntopics: []\n---\n",
			"f:3:9: the front matter has no topics; add topics:, a list with a name and content for each topic"},
		{"level out of range", "monzo", monzo("  - name: x\n    content:\n      - level: 4\n        criteria: [a]\n"),
			`f:6:16: level 4 of "x" is outside the framework's levels 1..3; use a level from 1 to 3, or raise levels: at the top`},
		{"criteria not a list", "monzo", monzo("  - name: x\n    content:\n      - level: 1\n        criteria: a\n"),
			`f:7:19: criteria is "a", not a list; write criteria as a list: - "..."`},
		{"no name", "monzo", monzo("  - content: []\n"),
			`f:4:5: a topic has no name; add name: "the topic's name"`},
		{"csv no skill column", "csv", "name,level,criteria\n",
			"f:1:1: the header has no skill column; name the first row's columns: skill,level,criteria (a row per skill and level) or skill,ROLE,ROLE... (a column per role)"},
		{"csv bad level", "csv", "skill,level,criteria\nx,two,a\n",
			`f:2:3: level "two" is not a level from 1 to 20; write the level as a whole number: 1 for the first level`},
		{"csv field count", "csv", "skill,pm,senior\nx,a\n",
			"f:2:1: the CSV cannot be read: wrong number of fields; give every row as many fields as the header; quote a field that holds a comma"},
		{"csv bare quote", "csv", "skill,pm,senior\nx,a \"b\",c\n",
			`f:2:5: the CSV cannot be read: bare " in non-quoted-field; a quote inside a quoted field is written twice: "say ""hello"""`},
		{"csv one role", "csv", "skill,pm\nx,a\n",
			"f:1:1: the header has 1 role columns; give skill, then from 2 to 20 columns, one per role, most junior first; or skill,level,criteria for a row per skill and level"},
		{"csv duplicate skill", "csv", "skill,pm,senior\nx,a,b\nx,c,d\n",
			`f:3:1: skill "x" has a second row; a row per skill: merge the two rows`},
		{"csv unknown column", "csv", "skill,level,criteria,owner\n",
			`f:1:22: unknown column "owner"; a row per skill and level has the columns skill, level, criteria and optionally summary`},
		{"csv no rows", "csv", "skill,pm,senior\n",
			"f:2:1: the ladder has a header but no skills; add a row per skill under the header"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(tt.format, "f", []byte(tt.src))
			var pe *skills.ProblemsError
			if !errors.As(err, &pe) {
				t.Fatalf("err = %v, want a problem", err)
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestParseRoles(t *testing.T) {
	tests := []struct {
		spec string
		want map[int]string
		err  string
	}{
		{spec: "1=apm, 2=pm,3=senior-pm", want: map[int]string{1: "apm", 2: "pm", 3: "senior-pm"}},
		{spec: "1=apm,1=pm", err: "--roles: level 1 is mapped twice; give each level one role"},
		{spec: "1=pm,2=pm", err: `--roles: role "pm" is mapped to levels 1 and 2; give each role one level`},
		{spec: "apm", err: `--roles: "apm" is not LEVEL=ROLE; write it like 1=apm,2=pm,3=senior-pm`},
		{spec: "1=Senior PM", err: `--roles: role id "Senior PM" is not valid; use lowercase letters, digits and '-', like "senior-pm"`},
		{spec: "0=pm", err: "--roles: level 0 is outside 1..20"},
		{spec: ",", err: "--roles is empty; write it like 1=apm,2=pm,3=senior-pm"},
	}
	for _, tt := range tests {
		got, err := ParseRoles(tt.spec)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("ParseRoles(%q) error = %v, want %s", tt.spec, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("ParseRoles(%q) (-want +got):\n%s", tt.spec, diff)
		}
	}
	fw := &Framework{Levels: 2, Skills: []Skill{{Key: "x", Name: "x", Criteria: make([][]string, 2)}}}
	if _, err := Matrix(fw, Options{Roles: map[int]string{3: "vp"}}); err == nil || err.Error() != "--roles maps level 3, but the framework has 2 levels" {
		t.Errorf("a level beyond the framework: %v", err)
	}
}

func TestSkillID(t *testing.T) {
	for name, want := range map[string]string{
		"Comunicação": "comunicacao", "stratégie": "strategie", "People leadership": "people-leadership",
		"コミュニケーション": "skill-7", "Identity": "identity",
	} {
		if got := SkillID(name, 7); got != want {
			t.Errorf("SkillID(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestMergeRefusesDifferentLevels(t *testing.T) {
	a := &Framework{Levels: 5, Skills: []Skill{{Key: "a", Name: "a", Path: "a.md", Line: 3, Col: 5}}}
	b := &Framework{Levels: 6, Skills: []Skill{{Key: "b", Name: "b", Path: "b.md", Line: 4, Col: 5}}}
	c := &Framework{Levels: 5, Skills: []Skill{{Key: "A", Name: "A", Path: "c.md", Line: 9, Col: 5}}}
	if _, err := Merge([]*Framework{a, b}); err == nil || err.Error() != "b.md: b.md has 6 levels and a.md has 5; import files with the same levels together, or each into its own coaching repository" {
		t.Errorf("different levels: %v", err)
	}
	if _, err := Merge([]*Framework{a, c}); err == nil || err.Error() != `c.md:9:5: skill "A" is defined twice (first at a.md:3:5); rename one of them, or import the files one at a time` {
		t.Errorf("a skill twice: %v", err)
	}
}

// FuzzParse: no input makes the parsers panic, and whatever they accept
// becomes a matrix with no error in it.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"product-5.md", "produit-6.md", "ladder-wide.csv", "ladder-long.csv"} {
		src, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(DetectFormat(name) == "csv", src)
	}
	f.Add(false, []byte("---\nlevels: 2\ntopics:\n  - name: &a x\n    content: *a\n---\n"))
	f.Add(true, []byte("skill;1;2\n\"x\";a;b\n"))
	f.Fuzz(func(t *testing.T, csv bool, src []byte) {
		format := "monzo"
		if csv {
			format = "csv"
		}
		fw, err := Parse(format, "f", src)
		if err != nil {
			return
		}
		out, err := Matrix(fw, Options{Sources: []string{"f"}, Format: format})
		if err != nil {
			t.Fatal(err)
		}
		if _, problems := skills.DecodeMatrix("matrix.toml", out); problems.Errors() > 0 {
			t.Fatalf("the matrix of an accepted framework has errors: %s\n%s", &skills.ProblemsError{Problems: problems}, bytes.TrimSpace(out))
		}
	})
}

// TestParseRefusesControls: the fuzzer's find, a NUL in a CSV cell, made a
// matrix that check rejects; the import now refuses it at its line and
// column, as it does text that is not UTF-8.
func TestParseRefusesControls(t *testing.T) {
	tests := []struct{ format, src, want string }{
		{"csv", "skill,a,b\n0,,\x00\n", "f:2:4: the line holds the control character U+0000 (null), which a terminal would obey rather than show; delete it (if it came with pasted text, retype that part)"},
		{"monzo", "---\r\nlevels: 2\r\ntopics:\r\n  - name: \"x\u202e\"\r\n---\r\n", "f:4:13: the line holds the control character U+202E (right-to-left override), which a terminal would obey rather than show; delete it (if it came with pasted text, retype that part)"},
		{"csv", "skill,a,b\nx,\xff,b\n", "f:2:1: f is not UTF-8 text; save it as UTF-8 (in a spreadsheet: CSV UTF-8) and import it again"},
	}
	for _, tt := range tests {
		_, err := Parse(tt.format, "f", []byte(tt.src))
		if err == nil || err.Error() != tt.want {
			t.Errorf("Parse(%q):\ngot  %v\nwant %s", tt.src, err, tt.want)
		}
	}
}

// TestJoinCriteria: Monzo's own criteria are sentences ending in a period,
// and "Works with the squad.; Identifies risks." read badly in plans.
func TestJoinCriteria(t *testing.T) {
	for _, tt := range []struct {
		in   []string
		want string
	}{
		{[]string{"Sets goals.", "Tests ideas."}, "Sets goals. Tests ideas."},
		{[]string{"Sets goals", "Tests ideas"}, "Sets goals; Tests ideas"},
		{[]string{"目標を決める。", "検証する"}, "目標を決める。検証する"},
		{[]string{"Only one"}, "Only one"},
	} {
		if got := joinCriteria(tt.in); got != tt.want {
			t.Errorf("joinCriteria(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
