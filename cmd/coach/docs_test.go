package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"github.com/coach-dev/coach/internal/clidocs"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/coach-dev/coach/plans"
	"github.com/coach-dev/coach/skills"
	"github.com/google/go-cmp/cmp"
)

// TestCLIDocs regenerates docs/cli.md from the command definitions and
// fails when the committed one differs: CI keeps the reference current.
// go test ./cmd/coach -run TestCLIDocs -update rewrites it.
func TestCLIDocs(t *testing.T) {
	got := clidocs.Markdown(newApp(io.Discard, newReport(io.Discard)))
	path := filepath.Join("..", "..", filepath.FromSlash(docsFile))
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s is stale; run go test ./cmd/coach -run TestCLIDocs -update (-committed +generated):\n%s", docsFile, diff)
	}
	for _, f := range lintMarkdown(docsFile, []byte(got), mdSettings{}) { // the rules that fit any document
		t.Error(f)
	}
}

// TestManPageCarriesCLIDocs is the finding "coach man has one-line
// summaries only, no date and a [-C]=[value] synopsis": the man page carries
// every line of docs/cli.md (each heading as a section, each synopsis and
// description with its examples and exit status, each option with what it
// does and its default), is dated by a constant when the build recorded no
// commit (never the clock), and groff reads it without a warning.
func TestManPageCarriesCLIDocs(t *testing.T) {
	out, stderr, code := coach(t, "man")
	if code != 0 {
		t.Fatalf("coach man exited %d: %s", code, stderr)
	}
	lines := strings.Split(out, "\n")
	if want := `.TH COACH 1 "` + manualDate + `" "coach `; !strings.HasPrefix(lines[1], want) {
		t.Errorf("the man page's title line is %q, want it to start %q", lines[1], want)
	}
	if !strings.Contains(out, ".SH SYNOPSIS\n.PP\n.nf\n\\fBcoach\\fR [\\fB\\-C\\fR \\fIDIR\\fR] [\\fB\\-\\-quiet\\fR] \\fICOMMAND\\fR") {
		t.Errorf("the man page's synopsis is not coach [-C DIR] [--quiet] COMMAND ...:\n%s", out)
	}
	if again, _, _ := coach(t, "man"); again != out {
		t.Error("two runs of coach man differ")
	}
	// The page as text: roff's escapes undone, one line a line.
	plain := map[string]bool{}
	unescape := strings.NewReplacer(`\fB`, "", `\fI`, "", `\fR`, "", `\fP`, "", `\-`, "-", `\e`, `\`, `\&`, "", `\(dq`, `"`)
	for _, l := range lines {
		l = unescape.Replace(l)
		l = strings.TrimPrefix(strings.TrimPrefix(l, ".B "), ".SS ")
		plain[strings.TrimSpace(l)] = true
	}
	doc, err := os.ReadFile(filepath.Join("..", "..", filepath.FromSlash(docsFile)))
	if err != nil {
		t.Fatal(err)
	}
	listItem := regexp.MustCompile("^- \\[`(coach [a-z]+)`\\]\\(#[a-z-]+\\): (.*)$")
	missing := 0
	want := func(line, from string) {
		if !plain[strings.TrimSpace(line)] {
			if missing++; missing <= 20 {
				t.Errorf("the man page lacks %q (docs/cli.md: %q)", line, from)
			}
		}
	}
	for _, l := range strings.Split(string(doc), "\n") {
		switch {
		case l == "", strings.HasPrefix(l, "```"), strings.HasPrefix(l, "<!--"), l == "# coach command reference",
			strings.HasPrefix(l, "| option |"), strings.HasPrefix(l, "| --- |"):
		case strings.HasPrefix(l, "### "):
			want(strings.TrimPrefix(l, "### "), l)
		case strings.HasPrefix(l, "## "):
			want(".SH "+strings.ToUpper(strings.TrimPrefix(l, "## ")), l)
		case listItem.MatchString(l):
			m := listItem.FindStringSubmatch(l)
			want(m[1], l)
			want(m[2], l)
		case strings.HasPrefix(l, "| "):
			cells := strings.Split(strings.TrimSuffix(strings.TrimPrefix(l, "| "), " |"), " | ")
			if len(cells) != 3 {
				t.Fatalf("docs/cli.md: a table row of %d cells: %q", len(cells), l)
			}
			want(strings.ReplaceAll(cells[0], "`", ""), l)
			usage := strings.ReplaceAll(cells[1], `\|`, "|")
			if def := strings.Trim(cells[2], "` "); def != "" {
				usage += " (default: " + def + ")"
			}
			want(usage, l)
		default:
			want(l, l)
		}
	}
	if missing > 20 {
		t.Errorf("and %d more", missing-20)
	}
	if _, err := exec.LookPath("groff"); err == nil {
		cmd := exec.Command("groff", "-man", "-Tutf8", "-ww", "-z")
		cmd.Stdin = strings.NewReader(out)
		if b, err := cmd.CombinedOutput(); err != nil || len(b) > 0 {
			t.Errorf("groff warns about the man page: %v\n%s", err, b)
		}
	}
}

// TestExitCodes is the table of exit codes in the README, tested: each
// row's error maps to its status, and the README's table says the same.
func TestExitCodes(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want int
	}{
		{"ok", nil, 0},
		{"findings", errFindings, 1},
		{"invalid file", &skills.ProblemsError{Problems: skills.Problems{{Path: "skills/a.toml", Line: 1, Col: 1, Severity: skills.Error, Message: "bad"}}}, 1},
		{"unknown person", fmt.Errorf("plan: %w", skills.ErrUnknownPerson), 1},
		{"usage", usagef("bad flag"), 2},
		{"unexpected", errors.New("disk on fire"), 2},
		{"interrupted", fmt.Errorf("write plans: %w", context.Canceled), 130},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := exitCode(tt.err, io.Discard); got != tt.want {
				t.Errorf("exitCode(%v) = %d, want %d", tt.err, got, tt.want)
			}
		})
	}
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, code := range []int{0, 1, 2, 130} {
		row := regexp.MustCompile(fmt.Sprintf(`(?m)^\| %d \| `, code))
		if !row.Match(readme) {
			t.Errorf("README.md has no row for exit status %d in its table", code)
		}
	}
	// The commands say the same.
	for _, args := range [][]string{{"check", "--nope"}, {"plan"}, {"nosuch"}} {
		if _, _, code := coach(t, args...); code != 2 {
			t.Errorf("coach %s exited %d, want 2", strings.Join(args, " "), code)
		}
	}
	var out bytes.Buffer
	if code := run([]string{"coach", "--version"}, &out, io.Discard); code != 0 {
		t.Errorf("coach --version exited %d", code)
	}
}

// Trial finding 4: the README's loop said `git add skills plans team.md`,
// which leaves out team/ (the views coach team --under writes), so the hook
// failed after one. Every `git add` of team.md in the docs adds team too.
func TestGitAddIncludesTeamViews(t *testing.T) {
	files := []string{"README.md", "repo-example/README.md", docsFile}
	sources, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sources {
		if !strings.HasSuffix(s, "_test.go") {
			files = append(files, filepath.Join("cmd", "coach", s))
		}
	}
	gitAdd := regexp.MustCompile("git add [^`\n]*team\\.md[^`\n]*")
	found := 0
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join("..", "..", filepath.FromSlash(f)))
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range gitAdd.FindAllString(string(data), -1) {
			found++
			if !slices.Contains(strings.Fields(m), "team") {
				t.Errorf("%s: %q leaves out team/, the views under one person", f, m)
			}
		}
	}
	if found == 0 {
		t.Error("no `git add ... team.md` found: the test reads the wrong files")
	}
}

// Trial finding 6: the docs disagreed with what coach does. init --example
// said "six product managers" of the seven skill files; README's list of
// `diff --format json` fields lacked base, head and rules; the notes exit
// statuses left out stdout that is not a terminal and refused recipients.
func TestDocsAgree(t *testing.T) {
	app := newApp(io.Discard, newReport(io.Discard))
	description := func(name string) string {
		for _, c := range app.Commands {
			if c.Name == name {
				return strings.Join(strings.Fields(c.Description), " ")
			}
		}
		t.Fatalf("no command %s", name)
		return ""
	}
	people, err := filepath.Glob(filepath.Join("..", "..", "repo-example", "skills", "*.toml"))
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"}
	if len(people) >= len(words) {
		t.Fatalf("%d skill files in the example", len(people))
	}
	if want := "the example team instead: " + words[len(people)] + " product managers"; !strings.Contains(description("init"), want) {
		t.Errorf("init's description does not say %q", want)
	}
	notes := description("notes")
	for _, want := range []string{"new recipients refused", "stdout not a terminal without --pipe"} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes' exit statuses do not name %q", want)
		}
	}
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile("(?m)^\\| `coach diff --format json` \\|.*$").FindString(string(readme))
	if row == "" {
		t.Fatal("README has no row for coach diff --format json")
	}
	fields := reflect.TypeFor[plans.Review]()
	for i := range fields.NumField() {
		name, _, _ := strings.Cut(fields.Field(i).Tag.Get("json"), ",")
		if !strings.Contains(row, "`"+name+"`") {
			t.Errorf("README's diff --format json row does not name %q", name)
		}
	}
	if !strings.Contains(row, "`errors`") {
		t.Error("README's diff --format json row does not name errors")
	}
}
