package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	repoexample "github.com/coach-dev/coach/repo-example"
)

// mdSettings are the markdownlint rules this lint implements, as a
// .markdownlint.json turns them on or off (markdownlint's defaults: every
// rule on, MD013 at 80 columns, MD024 across the whole document).
type mdSettings struct {
	lineLength   int  // MD013; 0: off
	headings     bool // MD024
	siblingsOnly bool // MD024's siblings_only
}

// readMDSettings reads the .markdownlint.json that coach init ships, and
// fails on any key this lint does not implement: a setting it cannot check
// would pass unchecked.
func readMDSettings(t *testing.T, data []byte) mdSettings {
	t.Helper()
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatalf("%s: %v", repoexample.MarkdownlintPath, err)
	}
	s := mdSettings{lineLength: 80, headings: true}
	for key, v := range raw {
		switch key {
		case "default":
			var on bool
			if err := json.Unmarshal(v, &on); err != nil || !on {
				t.Fatalf("%s: default %s; this lint checks markdownlint's defaults", repoexample.MarkdownlintPath, v)
			}
		case "MD013":
			var on bool
			if err := json.Unmarshal(v, &on); err != nil {
				var opts struct {
					LineLength int `json:"line_length"`
				}
				if err := json.Unmarshal(v, &opts); err != nil || opts.LineLength <= 0 {
					t.Fatalf("%s: MD013 %s is not a setting this lint reads", repoexample.MarkdownlintPath, v)
				}
				s.lineLength = opts.LineLength
			} else if !on {
				s.lineLength = 0
			}
		case "MD024":
			var on bool
			if err := json.Unmarshal(v, &on); err == nil {
				s.headings = on
				continue
			}
			var opts map[string]bool
			if err := json.Unmarshal(v, &opts); err != nil {
				t.Fatalf("%s: MD024 %s is not a setting this lint reads", repoexample.MarkdownlintPath, v)
			}
			for k, b := range opts {
				if k != "siblings_only" {
					t.Fatalf("%s: MD024 %s is not a setting this lint reads", repoexample.MarkdownlintPath, k)
				}
				s.siblingsOnly = b
			}
		default:
			t.Fatalf("%s sets %s, a rule this lint does not check", repoexample.MarkdownlintPath, key)
		}
	}
	return s
}

// lintMarkdown checks generated Markdown with the rules of markdownlint that
// fit generated documents: no trailing spaces (MD009), no two blank lines
// in a row (MD012), headings that go down one level at a time (MD001), no
// list item without text (an empty "- [ ]" included), tables whose rows
// all have the header's number of cells, and, as the settings say, line
// length (MD013, as markdownlint counts it: a line is too long only when it
// has a space past the limit) and duplicate headings (MD024). Fenced code
// is not linted. It returns the findings, one a line.
func lintMarkdown(name string, doc []byte, s mdSettings) []string {
	var out []string
	lines := strings.Split(strings.TrimSuffix(string(doc), "\n"), "\n")
	fence, heading, tableCells, blank := false, 0, 0, 0
	seen := map[string]int{} // MD024: a heading's key, its line
	var parents [7]string    // the heading at each level above
	for i, line := range lines {
		at := func(format string, args ...any) {
			out = append(out, fmt.Sprintf("%s:%d: ", name, i+1)+fmt.Sprintf(format, args...))
		}
		if strings.HasPrefix(line, "```") {
			fence, blank = !fence, 0
			continue
		}
		if fence {
			continue
		}
		if strings.TrimRight(line, " \t") != line {
			at("trailing space")
		}
		if n := s.lineLength; n > 0 && utf8.RuneCountInString(line) > n && strings.ContainsAny(string([]rune(line)[n:]), " \t") {
			at("MD013 line of %d characters, more than %d", utf8.RuneCountInString(line), n)
		}
		if line == "" {
			blank++
			if blank == 2 {
				at("two blank lines in a row")
			}
			tableCells = 0
			continue
		}
		blank = 0
		if m := headingRE.FindStringSubmatch(line); m != nil {
			level := len(m[1])
			if heading > 0 && level > heading+1 {
				at("heading level %d after level %d", level, heading)
			}
			heading = level
			text := strings.TrimSpace(line[len(m[0]):])
			key := text
			if s.siblingsOnly {
				key = strings.Join(parents[:level], "\x00") + "\x00" + text
			}
			if first, dup := seen[key]; dup && s.headings {
				at("MD024 heading %q again (line %d)", text, first)
			} else if !dup {
				seen[key] = i + 1
			}
			parents[level] = text
			for l := level + 1; l < len(parents); l++ {
				parents[l] = ""
			}
		}
		if emptyItemRE.MatchString(line) {
			at("list item without text: %q", line)
		}
		if strings.HasPrefix(line, "|") {
			cells := len(cellRE.FindAllString(strings.TrimSuffix(strings.TrimPrefix(line, "|"), "|"), -1)) + 1
			switch {
			case tableCells == 0:
				tableCells = cells
			case cells != tableCells:
				at("table row with %d cells, the header has %d: %q", cells, tableCells, line)
			}
		} else {
			tableCells = 0
		}
	}
	if fence {
		out = append(out, name+": a code fence is never closed")
	}
	return out
}

var (
	headingRE   = regexp.MustCompile(`^(#{1,6}) `)
	emptyItemRE = regexp.MustCompile(`^\s*(?:[-*+]|\d+\.)(?:\s+\[[ xX]\])?\s*$`)
	cellRE      = regexp.MustCompile(`(?:^|[^\\])\|`) // an unescaped |
)

// TestGeneratedMarkdownLints renders every plan, agenda and team view of
// the example team and lints them against the markdownlint settings coach
// init ships (issue 22: with markdownlint's defaults they failed on line
// length and duplicate headings, and no settings came with them).
func TestGeneratedMarkdownLints(t *testing.T) {
	dir := teamDir(t)
	shipped, err := os.ReadFile(filepath.Join(dir, repoexample.MarkdownlintPath))
	if err != nil {
		t.Fatalf("init --example shipped no markdownlint settings: %v", err)
	}
	settings := readMDSettings(t, shipped)
	// Names with a | in them must not break a table.
	matrix := filepath.Join(dir, "matrix.toml")
	src, err := os.ReadFile(matrix)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Senior Product Manager", "Group Product Manager", "Negotiation and trade-offs", "Soft skills"} {
		if !bytes.Contains(src, []byte(`name = "`+name+`"`)) {
			t.Fatalf("matrix.toml has no %q", name)
		}
		src = bytes.ReplaceAll(src, []byte(`name = "`+name+`"`), []byte(`name = "`+strings.Replace(name, " ", " | ", 1)+`"`))
	}
	if err := os.WriteFile(matrix, src, 0o644); err != nil {
		t.Fatal(err)
	}
	defaults := readMDSettings(t, []byte(`{"default": true}`))
	var withDefaults []string
	for _, args := range [][]string{
		{"plan", "--all", "--stdout"},
		{"agenda", "--all", "--stdout", "--week", "2026-W48"},
		{"agenda", "--all", "--stdout", "--week", "2026-W49"},
		{"team", "--stdout"},
		{"team", "--under", "sam-lee", "--stdout"},
		{"diff", "--base", "HEAD~7"},
	} {
		out, stderr, code := coach(t, append([]string{"-C", dir}, args...)...)
		if code != 0 {
			t.Fatalf("coach %v exited %d: %s", args, code, stderr)
		}
		// --all --stdout writes one document after another; each starts
		// with coach's marker.
		for i, doc := range strings.Split(out, "\n<!-- Generated by coach") {
			name := strings.Join(args[:1], " ") + "#" + fmt.Sprint(i)
			for _, f := range lintMarkdown(name, []byte(doc), settings) {
				t.Error(f)
			}
			withDefaults = append(withDefaults, lintMarkdown(name, []byte(doc), defaults)...)
		}
	}
	// The settings matter: under markdownlint's defaults the same files
	// break both rules they turn off or narrow, so this lint would catch
	// settings that stopped shipping.
	for _, rule := range []string{"MD013", "MD024"} {
		if !strings.Contains(strings.Join(withDefaults, "\n"), ": "+rule+" ") {
			t.Errorf("no %s finding under markdownlint's defaults; the lint of it cannot fail", rule)
		}
	}
}
